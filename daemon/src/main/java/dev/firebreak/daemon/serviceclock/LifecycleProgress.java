package dev.firebreak.daemon.serviceclock;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.rules.lifecycle.AuditEntry;
import dev.firebreak.store.Lifecycles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an alert's audit trail says about its clocks: when it was first acknowledged (or assigned, which
 * acknowledges), and when its supervisor was reached: the escalation step at {@code supervisorLevel}
 * notified, or the alert assigned to one of the named {@code supervisors}. Read, never written: the
 * clocks follow the lifecycle without the lifecycle knowing of them.
 */
final class LifecycleProgress {
    /** A target reached: when and by whom (or what). */
    record Reached(Instant at, String by) { }

    private final Lifecycles store;
    private final int supervisorLevel;
    private final Set<String> supervisors;

    LifecycleProgress(Lifecycles store, int supervisorLevel, Set<String> supervisors) {
        this.store = store;
        this.supervisorLevel = supervisorLevel;
        this.supervisors = supervisors;
    }

    List<AuditEntry> trail(String alertId) throws Exception {
        List<AuditEntry> out = new ArrayList<>();
        for (String json : Await.result(store.audit(alertId))) out.add(FirebreakJson.read(json, AuditEntry.class));
        return out;
    }

    static Optional<Reached> acknowledged(List<AuditEntry> trail) {
        return trail.stream().filter(e -> e.action().equals("acknowledge") || e.action().equals("assign")).findFirst()
                .map(e -> new Reached(e.at(), e.action() + " by " + e.by()));
    }

    Optional<Reached> supervisorReached(List<AuditEntry> trail) {
        int escalations = 0;
        for (AuditEntry e : trail) {
            if (e.action().equals("escalate") && ++escalations >= supervisorLevel) {
                return Optional.of(new Reached(e.at(), "escalation level " + escalations + (e.note() == null ? "" : ": " + e.note())));
            }
            if (e.action().equals("assign") && e.note() != null && e.note().startsWith("to ")
                    && supervisors.contains(e.note().substring(3))) {
                return Optional.of(new Reached(e.at(), "assigned to supervisor " + e.note().substring(3) + " by " + e.by()));
            }
        }
        return Optional.empty();
    }
}
