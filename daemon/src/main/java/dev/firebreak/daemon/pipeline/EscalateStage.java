package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.Escalator;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the escalation steps due at the batch's latest event time, so a replay escalates on the
 * stream's own clock (the daemon's timer escalates in wall-clock time besides).
 */
public final class EscalateStage implements Stage {
    private final Escalator escalator;
    private final AlertPublisher publisher;

    public EscalateStage(Escalator escalator, AlertPublisher publisher) {
        this.escalator = escalator;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "escalate";
    }

    @Override
    public void apply(Batch batch) {
        Optional<Instant> latest = batch.fresh.stream().map(m -> m.mention().createdAt().toInstant()).max(Instant::compareTo);
        if (latest.isEmpty()) return;
        try {
            escalator.escalate(latest.get(), publisher);
        } catch (Exception e) {
            throw new IllegalStateException("escalation failed: " + e.getMessage(), e);
        }
    }
}
