package dev.firebreak.daemon.alerting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.core.Alert;
import dev.firebreak.core.FirebreakJson;
import java.util.List;

/**
 * One version of an alert, as it is recorded and published: the alert, the JSON stored for it,
 * whether it is a newer version of an alert already recorded (a follow-up), the channels newly due
 * (the {@code notify} of the rules that fired or joined it, an escalation step's when it is taken) and when the
 * mentions behind it arrived ({@link System#nanoTime()}, for latency).
 */
public record AlertVersion(Alert alert, String json, boolean followUp, List<String> newChannels, long arrivalNanos) {
    public AlertVersion {
        newChannels = List.copyOf(newChannels);
    }

    /** A new alert, for these channels. */
    public static AlertVersion fired(Alert alert, List<String> channels, long arrivalNanos) {
        return new AlertVersion(alert, FirebreakJson.write(alert), false, channels, arrivalNanos);
    }

    /** A newer version of a recorded alert (same id): the story grew, or a person changed its status. */
    public static AlertVersion update(Alert alert, long arrivalNanos) {
        return update(alert, List.of(), arrivalNanos);
    }

    /** A newer version that a rule joined: its channels hear of the alert now (the ones already told hear it anyway). */
    public static AlertVersion update(Alert alert, List<String> channels, long arrivalNanos) {
        return new AlertVersion(alert, FirebreakJson.write(alert), true, channels, arrivalNanos);
    }

    /**
     * An escalation step taken: its JSON says {@code "escalationLevel": level} so the feed, webhooks
     * and robots can say it was escalated (later versions leave it out again).
     */
    public static AlertVersion escalation(Alert alert, int level, List<String> channels, long arrivalNanos) {
        ObjectNode json = FirebreakJson.mapper().valueToTree(alert);
        json.put("escalationLevel", level);
        return new AlertVersion(alert, FirebreakJson.write(json), true, channels, arrivalNanos);
    }
}
