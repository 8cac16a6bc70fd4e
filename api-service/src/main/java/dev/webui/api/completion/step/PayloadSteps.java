package dev.webui.api.completion.step;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;

/** Runs the steps a request wants, in order, one after the other; a stop between steps skips the rest. */
@ApplicationScoped
public class PayloadSteps {
    private final List<PayloadStep> steps;

    @Inject
    public PayloadSteps(Instance<PayloadStep> beans) {
        this(beans.stream().toList());
    }

    public PayloadSteps(List<PayloadStep> steps) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(PayloadStep::order)).toList();
    }

    public Uni<Void> run(StepContext context) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PayloadStep step : steps) {
            chain = chain.chain(() -> context.stopped().getAsBoolean() || !step.wanted(context)
                    ? Uni.createFrom().voidItem() : step.run(context));
        }
        return chain;
    }
}
