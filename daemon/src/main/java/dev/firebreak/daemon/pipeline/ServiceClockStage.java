package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.serviceclock.ClockTime;
import dev.firebreak.daemon.serviceclock.ServiceClocks;
import java.time.Instant;
import java.util.Optional;

/**
 * After record: starts the service clocks of the batch's new alerts, lets the brand's posts meet the
 * first-reply clocks of their incidents, then sweeps the clocks at the batch's latest event time (so a
 * replay judges its deadlines on the stream's own clock). Reminders and breaches go out with the batch.
 */
public final class ServiceClockStage implements Stage {
    private final ServiceClocks clocks;
    private final ClockTime time;
    private final AlertPublisher publisher;

    public ServiceClockStage(ServiceClocks clocks, ClockTime time, AlertPublisher publisher) {
        this.clocks = clocks;
        this.time = time;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "clocks";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        RecordInBatch out = new RecordInBatch(publisher, batch);
        // From the rules' fires, not from what record stored: a batch processed again after a crash between
        // record and here finds its alerts recorded already, and their clocks must still start (open is once).
        for (dev.firebreak.daemon.alerting.RuleStage.Outcome o : batch.decisions) {
            if (o.decision().kind() == dev.firebreak.rules.engine.Decision.Kind.FIRE) clocks.open(o.decision().alert());
        }
        clocks.brandReplies(batch.fresh, out);
        Optional<Instant> latest = batch.fresh.stream().map(m -> m.mention().createdAt().toInstant()).max(Instant::compareTo);
        if (latest.isEmpty()) return;
        time.sawEvent(latest.get());
        clocks.sweep(latest.get(), out);
    }
}
