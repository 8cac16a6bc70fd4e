package dev.webui.api.completion;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a {@link FakeWebSearchFileService} as file-service; the web search step gives up after 2 s. */
public class FakeWebSearchFileServiceResource implements QuarkusTestResourceLifecycleManager {
    private FakeWebSearchFileService fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeWebSearchFileService();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("FILE_SERVICE_URL", fake.baseUrl(), "WEB_SEARCH_STEP_TIMEOUT_SECONDS", "2");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fake, new TestInjector.MatchesType(FakeWebSearchFileService.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
