package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.rules.lifecycle.AuditEntry;
import dev.firebreak.store.Lifecycles;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes what happens to a clock into its alert's audit trail ({@code action: "clock"}, by
 * {@code firebreak}): met, breached, reached late. The lifecycle itself is stored back unchanged, as one
 * atomic step with the entry (retried when a person's step got there first).
 */
final class ClockAudit {
    private static final int ATTEMPTS = 3;
    private final Lifecycles store;

    ClockAudit(Lifecycles store) {
        this.store = store;
    }

    /** Each change from {@code was} to {@code is} as an entry; nothing when the clock did not change state. */
    void changed(String alertId, ServiceClock was, ServiceClock is) throws Exception {
        if (was.pending() && is.status() == ServiceClock.Status.MET) {
            write(alertId, is.metAt(), is.kind().key() + " met at " + is.metAt() + " (" + is.metBy() + "), due " + is.deadline());
        } else if (was.pending() && is.status() == ServiceClock.Status.BREACHED) {
            write(alertId, is.deadline(), is.kind().key() + " breached: due " + is.deadline()
                    + (is.metAt() == null ? "" : ", reached late at " + is.metAt() + " (" + is.metBy() + ")"));
        } else if (was.metAt() == null && is.metAt() != null) {
            write(alertId, is.metAt(), is.kind().key() + " reached late at " + is.metAt() + " (" + is.metBy() + ")");
        }
    }

    private void write(String alertId, Instant at, String note) throws Exception {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Lifecycles.Versioned> stored = Await.result(store.lifecycle(alertId));
            if (stored.isEmpty()) return;
            AlertLifecycle l = AlertLifecycle.fromJson(stored.get().json());
            AuditEntry entry = new AuditEntry(alertId, at, AlertLifecycle.SYSTEM, "clock", l.state().wireName(),
                    l.state().wireName(), note);
            if (Await.result(store.transition(alertId, stored.get().version(), stored.get().json(), entry.toJson(),
                    l.state() != AlertLifecycle.State.RESOLVED))) {
                return;
            }
        }
    }
}
