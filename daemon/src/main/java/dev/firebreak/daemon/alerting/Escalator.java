package dev.firebreak.daemon.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.rules.lifecycle.EscalationSchedule;
import dev.firebreak.rules.model.AlertRule;
import dev.firebreak.rules.model.EscalationPolicy;
import dev.firebreak.rules.model.EscalationStep;
import dev.firebreak.store.Lifecycles;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the escalation steps of open alerts that nobody acknowledged in time: each step is stored in
 * the alert's lifecycle and audit, and the alert goes out again with its level to the step's channels.
 * The policy is that of the alert's most severe rule ({@code ruleId}).
 * It remembers the earliest step due, so the per-batch call almost never reads the store.
 */
public final class Escalator {
    private final AlertEngine engine;
    private final Lifecycles store;
    /** No escalation can be due before this. */
    private volatile Instant earliestDue = Instant.MIN;

    public Escalator(AlertEngine engine, Lifecycles store) {
        this.engine = engine;
        this.store = store;
    }

    /** A lifecycle opened or changed: its next step, if any, may be the earliest due. */
    public void schedule(AlertLifecycle lifecycle, EscalationPolicy policy) {
        EscalationSchedule.next(lifecycle, policy).ifPresent(this::dueAt);
    }

    /**
     * Escalates every open alert whose next step is due at {@code now} (the pipeline's
     * {@link dev.firebreak.core.EventClock}: the wall clock in the daemon, event time in a replay). A
     * step taken is stored with its level, so a restart neither repeats nor forgets it. Returns the steps taken.
     */
    public int escalate(Instant now, AlertRecorder out) throws Exception {
        if (now.isBefore(earliestDue)) return 0;
        earliestDue = Instant.MAX;
        int steps = 0;
        for (String id : Await.result(store.openAlerts())) {
            Optional<Lifecycles.Versioned> stored = Await.result(store.lifecycle(id));
            Optional<Alert> alert = engine.openAlert(id);
            if (stored.isEmpty() || alert.isEmpty()) continue;
            AlertLifecycle l = AlertLifecycle.fromJson(stored.get().json());
            AlertRule rule = engine.rules().rule(alert.get().ruleId()).orElse(null);
            if (rule == null) continue;
            long version = stored.get().version();
            for (EscalationStep step : EscalationSchedule.due(l, now, rule.escalation())) {
                AlertLifecycle.Transition t = l.escalate(step.level(), "notify " + String.join(", ", step.channels()), now);
                if (!Await.result(store.transition(id, version, t.lifecycle().toJson(), t.audit().toJson(), true))) break;
                l = t.lifecycle();
                version++;
                steps++;
                out.record(AlertVersion.escalation(alert.get(), step.level(), step.channels(), System.nanoTime()));
            }
            schedule(l, rule.escalation());
        }
        return steps;
    }

    /** The next call looks at every open alert again (an alert's rule, and so its policy, changed). */
    public void rescan() {
        earliestDue = Instant.MIN;
    }

    private void dueAt(Instant at) {
        if (at.isBefore(earliestDue)) earliestDue = at;
    }
}
