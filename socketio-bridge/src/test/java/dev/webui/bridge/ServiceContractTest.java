package dev.webui.bridge;

import dev.webui.bridge.testing.BridgeTestResource;
import dev.webui.common.testing.ServiceContract;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = BridgeTestResource.class, restrictToAnnotatedClass = true)
class ServiceContractTest extends ServiceContract {
}
