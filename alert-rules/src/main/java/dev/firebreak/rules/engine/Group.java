package dev.firebreak.rules.engine;

import dev.firebreak.core.Alert;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.model.AlertRule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Mutable state of one alert group: its open alert and the rules that matched it. */
final class Group {
    final String ruleId;   // null for a story group
    final String key;
    int fires;
    Alert alert;           // the open alert, or null
    Instant lastFiredAt;
    Instant resolvedAt;
    String decidedFor;     // the mention this group's alert last changed for
    /** The rules of the open alert, in the order they joined. */
    final List<Member> members = new ArrayList<>(2);

    Group(String ruleId, String key) {
        this.ruleId = ruleId;
        this.key = key;
    }

    /**
     * One rule of an open alert. {@code rule} is the rule as it matched (after a restart, as the rules in
     * force say); {@code first} the mention it first matched, whose author its reason names.
     */
    static final class Member {
        final String ruleId;
        final String ruleVersion;
        final Severity severity;
        final OffsetDateTime firstMatchedAt;
        final ScoredMention first;
        AlertRule rule;        // null when the rule is gone: its last reason stays
        String reason;
        String decidedFor;

        Member(String ruleId, String ruleVersion, Severity severity, OffsetDateTime firstMatchedAt,
               ScoredMention first, AlertRule rule, String reason) {
            this.ruleId = ruleId;
            this.ruleVersion = ruleVersion;
            this.severity = severity;
            this.firstMatchedAt = firstMatchedAt;
            this.first = first;
            this.rule = rule;
            this.reason = reason;
        }
    }

    Member member(String id) {
        for (Member m : members) {
            if (m.ruleId.equals(id)) return m;
        }
        return null;
    }
}
