package dev.firebreak.core;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An alert as the feed, webhooks and replay output carry it: its JSON is these fields by name (the
 * {@code Alert} schema of the API's {@code openapi.yaml}).
 * {@code firedAt} is event time: the time of the mention that made the rule fire.
 *
 * <p>One alert stands for one incident (story) and carries every rule that matched it ({@code rules},
 * most severe first); {@code ruleId}, {@code ruleVersion} and {@code severity} are those of its first
 * entry, and {@code reason} has one line per rule. Alerts recorded before {@code rules} existed read
 * back with an empty list.
 */
public record Alert(
        String id,
        String ruleId,
        String ruleVersion,
        Severity severity,
        String storyId,
        OffsetDateTime firedAt,
        String reason,
        List<String> mentions,
        Story.Figures story,
        AlertStatus status,
        List<RuleMatch> rules) {

    public Alert {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** An alert of one rule (operator notices, reminders): {@code rules} is that rule alone. */
    public Alert(String id, String ruleId, String ruleVersion, Severity severity, String storyId, OffsetDateTime firedAt,
                 String reason, List<String> mentions, Story.Figures story, AlertStatus status) {
        this(id, ruleId, ruleVersion, severity, storyId, firedAt, reason, mentions, story, status,
                ruleId == null ? List.of() : List.of(new RuleMatch(ruleId, ruleVersion, severity, reason, firedAt)));
    }

    /**
     * One rule that matched the alert's incident.
     *
     * @param reason         its reason, rendered from the incident's current figures
     * @param firstMatchedAt event time of the first mention it matched in this alert
     */
    public record RuleMatch(String ruleId, String ruleVersion, Severity severity, String reason,
                            OffsetDateTime firstMatchedAt) { }

    /** The same version with another status (the lifecycle's). */
    public Alert withStatus(AlertStatus next) {
        return new Alert(id, ruleId, ruleVersion, severity, storyId, firedAt, reason, mentions, story, next, rules);
    }
}
