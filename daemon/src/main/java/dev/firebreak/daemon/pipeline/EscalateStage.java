package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.EventClock;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.Escalator;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the escalation steps due now on the pipeline's clock after each batch with new mentions: in a
 * replay that is the batch's latest event time, so a replay escalates on the stream's own clock; live it
 * is the wall clock, as the daemon's timer between batches.
 */
public final class EscalateStage implements Stage {
    private final Escalator escalator;
    private final AlertPublisher publisher;
    private final EventClock clock;

    /** In event time. */
    public EscalateStage(Escalator escalator, AlertPublisher publisher) {
        this(escalator, publisher, EventClock.eventTime());
    }

    public EscalateStage(Escalator escalator, AlertPublisher publisher, EventClock clock) {
        this.escalator = escalator;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "escalate";
    }

    @Override
    public void apply(Batch batch) {
        Optional<Instant> latest = batch.fresh.stream().map(m -> m.mention().createdAt().toInstant()).max(Instant::compareTo);
        if (latest.isEmpty()) return;
        clock.saw(latest.get());
        try {
            escalator.escalate(clock.now(), publisher);
        } catch (Exception e) {
            throw new IllegalStateException("escalation failed: " + e.getMessage(), e);
        }
    }
}
