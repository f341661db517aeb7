package dev.firebreak.rules.model;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.MatchInput;
import dev.firebreak.rules.StoryFacts;
import java.time.Duration;
import java.util.List;

/**
 * One rule from a rule file, checked and compiled. {@link #version()} is
 * {@code RuleVersion.of(canonical())}: it changes when what the rule says changes, not when its file is
 * reformatted or its keys reordered.
 *
 * @param channels   its {@code notify}: where a new alert goes
 * @param match      the keyword query, or null for every mention
 * @param escalation the resolved escalation policy, or null for none
 * @param hours      when it may fire, or null for always
 * @param file       the file it came from, {@code line:col} of its entry after a colon
 */
public record AlertRule(
        String id,
        String version,
        String canonical,
        String match,
        MatchCompiler.Match compiledMatch,
        When when,
        Severity severity,
        Reason reason,
        List<String> channels,
        Grouping group,
        Duration cooldown,
        Duration forDuration,
        EscalationPolicy escalation,
        Hours hours,
        String file) {

    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(30);

    public AlertRule {
        channels = List.copyOf(channels);
    }

    /** Whether the mention satisfies {@code when} and {@code match} (the cheap conditions first). */
    public boolean matches(ScoredMention m, StoryFacts story, MatchInput input) {
        return when.test(m, story) && (compiledMatch == null || compiledMatch.matches(input));
    }
}
