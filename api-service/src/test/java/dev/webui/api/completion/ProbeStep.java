package dev.webui.api.completion;

import dev.webui.api.completion.step.PayloadStep;
import dev.webui.api.completion.step.StepContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * A payload step for tests, wanted only with {@code features.probe_step}: it reports a status, adds
 * a source and a saved field after a short wait (so a stop can land while it runs) and a line to
 * the system message.
 */
@ApplicationScoped
public class ProbeStep implements PayloadStep {
    static final String FOUND = "The probe found that the sky is green.";

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean wanted(StepContext context) {
        return context.feature("probe_step");
    }

    @Override
    public Uni<Void> run(StepContext context) {
        context.status("probe", "Probing", false);
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50)).invoke(() -> {
            var source = context.payload().objectNode();
            source.putObject("source").put("id", "probe").put("name", "probe.example").put("type", "web_search");
            source.putArray("document").add(FOUND);
            source.putArray("metadata").addObject().put("source", "https://probe.example/");
            context.sources().add(source);
            context.savedFields().put("probed", true);
            context.status("probe", "Probed", true);
        });
    }
}
