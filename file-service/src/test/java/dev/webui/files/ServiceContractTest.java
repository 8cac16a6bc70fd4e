package dev.webui.files;

import dev.webui.common.testing.ServiceContract;
import dev.webui.files.support.FilesTestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceContractTest extends ServiceContract {
}
