package dev.firebreak.rules.lifecycle;

import dev.firebreak.rules.model.EscalationPolicy;
import dev.firebreak.rules.model.EscalationStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which escalation steps are due: pure arithmetic on the time the alert opened. Acknowledging an alert
 * stops its escalation. The daemon's timer calls {@link #due}, notifies each step's channels and records
 * {@link AlertLifecycle#escalate} with the step's level, so the next call does not repeat it.
 */
public final class EscalationSchedule {
    private EscalationSchedule() { }

    /** Steps whose time has come ({@code openedAt + after <= now}) and whose level is above {@code notifiedLevel}. */
    public static List<EscalationStep> due(Instant openedAt, boolean acknowledged, Instant now, EscalationPolicy policy,
                                           int notifiedLevel) {
        if (acknowledged || policy == null) {
            return List.of();
        }
        List<EscalationStep> out = new ArrayList<>();
        for (EscalationStep s : policy.steps()) {
            if (s.level() > notifiedLevel && !openedAt.plus(s.after()).isAfter(now)) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@link #due} with no step notified yet. */
    public static List<EscalationStep> due(Instant openedAt, boolean acknowledged, Instant now, EscalationPolicy policy) {
        return due(openedAt, acknowledged, now, policy, 0);
    }

    /**
     * {@link #due} for a lifecycle: its open time, whether it is acknowledged, and the level it reached.
     * Nothing is due while it is snoozed; steps that fell due meanwhile come due when the snooze ends.
     */
    public static List<EscalationStep> due(AlertLifecycle lifecycle, Instant now, EscalationPolicy policy) {
        if (lifecycle.isSnoozedAt(now)) {
            return List.of();
        }
        return due(lifecycle.openedAt(), lifecycle.isAcknowledged(), now, policy, lifecycle.escalationLevel());
    }

    /** When the next step not yet notified falls due (not before a snooze ends), for the timer; empty when none is left or it is acknowledged. */
    public static Optional<Instant> next(AlertLifecycle lifecycle, EscalationPolicy policy) {
        if (lifecycle.isAcknowledged() || policy == null) {
            return Optional.empty();
        }
        Instant snoozeEnds = lifecycle.snoozedUntil() == null ? Instant.MIN : lifecycle.snoozedUntil();
        return policy.steps().stream().filter(s -> s.level() > lifecycle.escalationLevel())
                .map(s -> lifecycle.openedAt().plus(s.after())).min(Instant::compareTo)
                .map(at -> at.isBefore(snoozeEnds) ? snoozeEnds : at);
    }
}
