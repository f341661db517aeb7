package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.core.EventClock;
import dev.firebreak.daemon.serviceclock.ServiceClocks;
import java.time.Instant;
import java.util.Optional;

/**
 * After record: starts the service clocks of the batch's new alerts, lets the brand's posts meet the
 * first-reply clocks of their incidents, then sweeps the clocks at the daemon's clock (in a replay the
 * batch's latest event time, so it judges deadlines on the stream's own clock; live the wall clock). Reminders and breaches go out with the batch.
 */
public final class ServiceClockStage implements Stage {
    private final ServiceClocks clocks;
    private final EventClock time;
    private final AlertPublisher publisher;

    public ServiceClockStage(ServiceClocks clocks, EventClock time, AlertPublisher publisher) {
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
            if (o.decision().kind() == dev.firebreak.rules.engine.Decision.Kind.FIRE) clocks.open(o.decision().alert(),
                    time.startOf(o.decision().alert().firedAt().toInstant()));
        }
        clocks.brandReplies(batch.fresh, out);
        Optional<Instant> latest = batch.fresh.stream().map(m -> m.mention().createdAt().toInstant()).max(Instant::compareTo);
        if (latest.isEmpty()) return;
        time.saw(latest.get());
        clocks.sweep(time.now(), out);
    }
}
