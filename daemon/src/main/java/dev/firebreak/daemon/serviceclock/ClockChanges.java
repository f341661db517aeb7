package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.alerting.AlertRecorder;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.store.Lifecycles;

/**
 * What follows from a clock changing state: its entry in the alert's audit trail, and for a newly
 * breached clock the breach on the feed. Each reminder and breach is recorded once (its id says so) with a
 * lifecycle of its own, so a person can acknowledge, snooze or resolve it on the feed like any alert.
 */
final class ClockChanges {
    private final Lifecycles lifecycles;
    private final ClockAudit audit;

    ClockChanges(Lifecycles lifecycles) {
        this.lifecycles = lifecycles;
        this.audit = new ClockAudit(lifecycles);
    }

    /** Audits each clock that changed from {@code before} to {@code after}; returns the breaches recorded. */
    int record(AlertClocks before, AlertClocks after, AlertRecorder out) throws Exception {
        int breaches = 0;
        for (ServiceClock was : before.clocks()) {
            ServiceClock is = after.clock(was.kind()).orElseThrow();
            audit.changed(after.alertId(), was, is);
            if (was.pending() && is.status() == ServiceClock.Status.BREACHED && notice(ClockNotices.breach(after, is), out)) {
                breaches++;
            }
        }
        return breaches;
    }

    /**
     * Records a reminder or breach once, opening its lifecycle outside the open set (nothing escalates
     * a notice, and the escalator need not read it); false when it was recorded before.
     */
    boolean notice(AlertVersion v, AlertRecorder out) throws Exception {
        if (!out.record(v)) return false;
        AlertLifecycle.Transition opened = AlertLifecycle.open(v.alert());
        Await.result(lifecycles.transition(v.alert().id(), 0, opened.lifecycle().toJson(), opened.audit().toJson(), false));
        return true;
    }
}
