package dev.webui.api;

import dev.webui.common.testing.ServiceContract;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceContractTest extends ServiceContract {
}
