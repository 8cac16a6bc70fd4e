package dev.webui.api.completion;

import dev.webui.api.support.FakeFileService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a {@link FakeFileService} before the application, points FILE_SERVICE_URL at it and hands
 * it to the test. Init arg {@code timeout-seconds} sets FILE_SERVICE_TIMEOUT_SECONDS (5 unless given).
 */
public class FakeFileServiceResource implements QuarkusTestResourceLifecycleManager {
    private FakeFileService fake;
    private String timeoutSeconds = "5";

    @Override
    public void init(Map<String, String> initArgs) {
        timeoutSeconds = initArgs.getOrDefault("timeout-seconds", timeoutSeconds);
    }

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeFileService();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("FILE_SERVICE_URL", fake.baseUrl(), "FILE_SERVICE_TIMEOUT_SECONDS", timeoutSeconds);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.MatchesType(FakeFileService.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
