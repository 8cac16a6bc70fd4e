package dev.webui.api.completion;

import dev.webui.api.support.FakeImageEngines;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts {@link FakeImageEngines} for a test class, with a 1 MB image limit and a short engine timeout. */
public class FakeImageEnginesResource implements QuarkusTestResourceLifecycleManager {
    private FakeImageEngines engines;

    @Override
    public Map<String, String> start() {
        try {
            engines = new FakeImageEngines();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("IMAGES_MAX_IMAGE_MB", "1", "IMAGES_ENGINE_TIMEOUT_SECONDS", "20");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(engines, new TestInjector.MatchesType(FakeImageEngines.class));
    }

    @Override
    public void stop() {
        if (engines != null) {
            engines.close();
        }
    }
}
