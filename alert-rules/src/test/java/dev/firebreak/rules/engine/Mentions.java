package dev.firebreak.rules.engine;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.file.RuleFile;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.file.RuleLoader;
import dev.firebreak.rules.model.RuleSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** Test mentions, stories and rule sets. */
final class Mentions {
    static final Set<String> CHANNELS = Set.of("agents", "pr-oncall", "supervisor", "pr-lead");
    static final Instant T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00").toInstant();

    private Mentions() { }

    static RuleSet rules(String yaml) {
        try {
            return new RuleLoader(CHANNELS, MatchCompiler.queries()).load(List.of(new RuleFile("test.yaml", yaml)));
        } catch (RuleFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    /** A negative mention by {@code author} in {@code story} at T0 + minutes. */
    static ScoredMention negative(String id, String story, String author, long followers, int minutes) {
        return mention(id, story, author, followers, minutes, "暖途T7空气炸锅冒烟了，要退款", Sentiment.NEGATIVE, 0.9,
                List.of("quality"), null);
    }

    static ScoredMention mention(String id, String story, String author, long followers, int minutes, String text,
                                 Sentiment label, double negative, List<String> complaint, Escalation escalation) {
        Mention m = new Mention(Platform.WEIBO, id, Kind.POST, text, at(minutes).atOffset(java.time.ZoneOffset.ofHours(8)),
                new Author(author, "用户" + author, followers, false), null, null, null, Metrics.ZERO);
        return new ScoredMention(m, new Analysis(label, negative, "angry", complaint, escalation, List.of(), "test"), story);
    }

    static StoryFacts story(long size, double velocity1h, double acceleration, long reach, double predictedFinal,
                            double negativeShare) {
        return new StoryFacts(size, velocity1h, acceleration, reach, 0, 0, predictedFinal, negativeShare, 0, 0);
    }

    static StoryFacts small() {
        return story(1, 1, 1, 1000, Double.NaN, 1);
    }
}
