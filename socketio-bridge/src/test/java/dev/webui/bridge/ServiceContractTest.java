package dev.webui.bridge;

import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.common.testing.ServiceContract;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = BridgeTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceContractTest extends ServiceContract {
}
