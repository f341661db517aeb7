package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Alert;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.daemon.alerting.Escalator;
import dev.firebreak.daemon.alerting.LifecycleService;
import dev.firebreak.daemon.alerting.RuleStage;
import dev.firebreak.daemon.alerting.UpdateThrottle;
import dev.firebreak.rules.engine.Decision;
import dev.firebreak.daemon.alerting.Await;
import java.util.Optional;

/**
 * Records what the rules decided: a new alert once under its id (a batch processed again records
 * nothing twice), to the channels of every rule that fired it, opening its lifecycle and escalation
 * schedule; an update when the throttle lets it through (at once when a rule joined it: to that rule's channels). Publishing waits for the publish stage.
 */
public final class RecordStage implements Stage {
    private final AlertPublisher publisher;
    private final UpdateThrottle throttle;
    private final LifecycleService lifecycles;
    private final Escalator escalator;

    public RecordStage(AlertPublisher publisher, UpdateThrottle throttle, LifecycleService lifecycles, Escalator escalator) {
        this.publisher = publisher;
        this.throttle = throttle;
        this.lifecycles = lifecycles;
        this.escalator = escalator;
    }

    @Override
    public String name() {
        return "record";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        RecordInBatch out = new RecordInBatch(publisher, batch);
        java.util.List<java.util.concurrent.CompletionStage<Boolean>> opening = new java.util.ArrayList<>();
        for (RuleStage.Outcome o : batch.decisions) {
            Decision d = o.decision();
            if (d.kind() == Decision.Kind.FIRE) {
                if (out.record(AlertVersion.fired(d.alert(), o.channels(), batch.arrivalNanos()))) {
                    batch.fired++;
                    throttle.fired(d.alert(), o.at());
                    LifecycleService.Opening opened = lifecycles.opening(d.alert());
                    opening.add(opened.stored());
                    escalator.schedule(opened.lifecycle(), d.rule().escalation());
                }
            } else if (d.kind() == Decision.Kind.UPDATE) {
                Optional<Alert> now = throttle.admit(d.alert(), o.urgent(), o.at());
                if (now.isPresent()) out.recordLater(AlertVersion.update(now.get(), o.channels(), batch.arrivalNanos()));
                if (o.raised()) escalator.rescan();   // a more severe rule's escalation may come sooner
            }
        }
        // The lifecycles' writes, all at once; before the batch goes on (a failure fails the batch, which
        // is processed again: the alert is not recorded twice, and the lifecycle is opened then).
        out.flush();
        for (var stored : opening) Await.result(stored);
    }
}
