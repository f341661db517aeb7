package dev.firebreak.core;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An alert as the feed, webhooks and replay output carry it: its JSON is these fields by name (the
 * {@code Alert} schema of the API's {@code openapi.yaml}).
 * {@code firedAt} is event time: the time of the mention that made the rule fire.
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
        AlertStatus status) {

    public Alert {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
