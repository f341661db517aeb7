package dev.firebreak.daemon.testing;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.file.RuleFile;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.file.RuleLoader;
import dev.firebreak.rules.model.RuleSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Mentions and a small rule set for the unit tests of the alerting services and the pipeline's stages. */
public final class AlertingFixtures {
    public static final Instant T0 = OffsetDateTime.parse("2026-11-20T10:00:00+08:00").toInstant();
    public static final Set<String> CHANNELS = Set.of("agents", "supervisor");
    /** One rule: a negative mention raises a P2 for its story; nobody acknowledging for 10 minutes tells the supervisor. */
    public static final String NEGATIVE_RULE = """
            escalations:
              chain:
                - {after: 10m, notify: [supervisor]}
            rules:
              - id: neg
                when: {label: negative}
                severity: P2
                reason: {zh: "负面：{author}", en: "negative by {author}"}
                notify: [agents]
                group: story
                cooldown: 30m
                escalate: chain
            """;

    private AlertingFixtures() { }

    public static RuleSet rules() {
        return rules(NEGATIVE_RULE);
    }

    public static RuleSet rules(String yaml) {
        try {
            return new RuleLoader(CHANNELS, MatchCompiler.queries()).load(List.of(new RuleFile("test.yaml", yaml)));
        } catch (RuleFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(minutes * 60L);
    }

    /** A Weibo post at T0 + minutes. */
    public static Mention mention(String id, String text, int minutes) {
        return new Mention(Platform.WEIBO, id, Kind.POST, text, at(minutes).atOffset(ZoneOffset.ofHours(8)),
                new Author("u" + id, "用户" + id, 10, false, null), null, null, null, Metrics.ZERO);
    }

    public static Analysis analysis(Sentiment label) {
        return new Analysis(label, label == Sentiment.NEGATIVE ? 0.9 : 0.1, "angry", List.of(), null, List.of(), "test");
    }

    /** A negative mention of {@code story} at T0 + minutes. */
    public static ScoredMention negative(String id, String story, int minutes) {
        return new ScoredMention(mention(id, "暖途T7空气炸锅冒烟了，要退款", minutes), analysis(Sentiment.NEGATIVE), story);
    }

    public static ScoredMention positive(String id, String story, int minutes) {
        return new ScoredMention(mention(id, "暖途T7很好用", minutes), analysis(Sentiment.POSITIVE), story);
    }
}
