package dev.firebreak.rules.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebreak.core.FirebreakJson;
import java.time.Instant;

/**
 * One step of an alert's life as the audit trail keeps it: who did what when, the state before and
 * after ({@code open}, {@code acknowledged}, {@code assigned}, {@code resolved}), and a note (the assignee,
 * the resolution, the escalation level and who it told).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String alertId, Instant at, String by, String action, String from, String to, String note) {
    public String toJson() {
        return FirebreakJson.write(this);
    }
}
