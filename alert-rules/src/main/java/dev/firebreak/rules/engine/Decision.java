package dev.firebreak.rules.engine;

import dev.firebreak.core.Alert;
import dev.firebreak.core.Durations;
import dev.firebreak.rules.model.AlertRule;
import java.time.Instant;
import java.util.List;

/**
 * What one rule made of one mention.
 * <ul>
 * <li>{@code FIRE}: a new alert ({@link #alert()}); tell the rule's channels.</li>
 * <li>{@code UPDATE}: the same alert (same id) with new figures and mentions. {@link #joined()} when the rule
 *     was not yet among the alert's rules and now is: its channels should hear of it; {@link #raised()} when
 *     that rule is more severe than the alert was (its severity, rule id and version are now the alert's).</li>
 * <li>{@code SUPPRESSED}: it would have fired or joined; {@link #suppression()} says why, {@link #by()} names
 *     the silence or the inhibiting alert ({@link #note()}: the silence's reason), {@link #until()} when the
 *     cooldown or the {@code for} wait ends.</li>
 * </ul>
 * The decisions one mention makes about one alert all carry that alert as it stands after the mention.
 */
public record Decision(Kind kind, AlertRule rule, String groupKey, Alert alert, boolean raised, boolean joined,
                       Suppression suppression, String by, String note, Instant until) {

    public enum Kind { FIRE, UPDATE, SUPPRESSED }

    public enum Suppression {
        /** The group fired or was resolved less than {@code cooldown} ago. */
        COOLDOWN,
        /** A silence in force covers the rule and the mention; {@code by} is its id. */
        SILENCED,
        /** An open alert at least two severities worse is about the same story; {@code by} is its id. */
        INHIBITED,
        /** Outside the rule's active hours, or inside its quiet hours. */
        OUTSIDE_HOURS,
        /** The condition has not held for {@code for} yet; {@code until} is when it will have. */
        PENDING
    }

    static Decision fire(AlertRule rule, String group, Alert alert) {
        return new Decision(Kind.FIRE, rule, group, alert, false, false, null, null, null, null);
    }

    static Decision update(AlertRule rule, String group, Alert alert, boolean raised, boolean joined) {
        return new Decision(Kind.UPDATE, rule, group, alert, raised, joined, null, null, null, null);
    }

    static Decision suppressed(AlertRule rule, String group, Suppression why, String by, String note, Instant until) {
        return new Decision(Kind.SUPPRESSED, rule, group, null, false, false, why, by, note, until);
    }

    /** The same decision about the alert as it finally stands after the mention. */
    Decision withAlert(Alert last) {
        return new Decision(kind, rule, groupKey, last, raised, joined, suppression, by, note, until);
    }

    /** The channels to tell now: the rule's when it fires or joins, none otherwise. */
    public List<String> notifyChannels() {
        return kind == Kind.FIRE || joined ? rule.channels() : List.of();
    }

    /** Why it was suppressed, for logs and the backtest report; empty unless SUPPRESSED. */
    public String why() {
        if (suppression == null) {
            return "";
        }
        return switch (suppression) {
            case COOLDOWN -> "cooldown " + Durations.format(rule.cooldown()) + " until " + until;
            case SILENCED -> "silenced by " + by + (note == null ? "" : " (" + note + ")");
            case INHIBITED -> "inhibited by alert " + by;
            case OUTSIDE_HOURS -> "outside active hours (" + rule.hours().canonical() + ")";
            case PENDING -> "waiting for the condition to hold " + Durations.format(rule.forDuration()) + ", until " + until;
        };
    }
}
