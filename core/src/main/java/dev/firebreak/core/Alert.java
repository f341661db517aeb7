package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * back with an empty list. {@code handling}: see {@link Handling}.
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
        List<RuleMatch> rules,
        @JsonInclude(JsonInclude.Include.NON_NULL) Handling handling) {

    public Alert {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** An alert of one rule (operator notices, reminders): {@code rules} is that rule alone. */
    public Alert(String id, String ruleId, String ruleVersion, Severity severity, String storyId, OffsetDateTime firedAt,
                 String reason, List<String> mentions, Story.Figures story, AlertStatus status) {
        this(id, ruleId, ruleVersion, severity, storyId, firedAt, reason, mentions, story, status,
                ruleId == null ? List.of() : List.of(new RuleMatch(ruleId, ruleVersion, severity, reason, firedAt)), null);
    }

    /**
     * Where people are with it, from its lifecycle (absent until a person's step): {@code state} is the
     * lifecycle's ({@code acknowledged}, {@code assigned}, {@code resolved}…), with who acknowledged it and
     * to whom it is assigned. Every later version of the alert keeps it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Handling(String state, String acknowledgedBy, String assignee) { }

    /**
     * One rule that matched the alert's incident.
     *
     * @param reason         its reason, rendered from the incident's current figures
     * @param firstMatchedAt event time of the first mention it matched in this alert
     */
    public record RuleMatch(String ruleId, String ruleVersion, Severity severity, String reason,
                            OffsetDateTime firstMatchedAt) { }

    /** The same version with the lifecycle's status and handling. */
    public Alert withStatus(AlertStatus next, Handling now) {
        return new Alert(id, ruleId, ruleVersion, severity, storyId, firedAt, reason, mentions, story, next, rules, now);
    }
}
