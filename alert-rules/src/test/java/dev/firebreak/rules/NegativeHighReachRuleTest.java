package dev.firebreak.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.core.Severity;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeHighReachRuleTest {
    private final NegativeHighReachRule rule = NegativeHighReachRule.defaults();

    @Test
    void firesOnANegativeMentionWithHighReach() {
        Alert a = rule.evaluate(mention("1", 2_150_000, Sentiment.NEGATIVE, 0.9, "weibo:1")).orElseThrow();
        assertEquals("negative-high-reach", a.ruleId());
        assertEquals(Severity.P2, a.severity());
        assertEquals("weibo:1", a.storyId());
        assertEquals(List.of("weibo:1"), a.mentions());
        assertEquals(2_150_000, a.story().reach());
        assertEquals(OffsetDateTime.parse("2026-11-20T10:15:00+08:00"), a.firedAt(), "event time, not wall time");
        assertTrue(a.reason().contains("215万") && a.reason().contains("2,150,000"), a.reason());
    }

    @Test
    void staysQuietBelowTheThresholds() {
        assertTrue(rule.evaluate(mention("1", 9_999, Sentiment.NEGATIVE, 0.9, "weibo:1")).isEmpty());
        assertTrue(rule.evaluate(mention("1", 50_000, Sentiment.POSITIVE, 0.1, "weibo:1")).isEmpty());
        assertTrue(rule.evaluate(mention("1", 50_000, Sentiment.NEGATIVE, 0.55, "weibo:1")).isEmpty());
    }

    @Test
    void oneAlertIdPerStoryAndAVersionThatFollowsTheThresholds() {
        Alert first = rule.evaluate(mention("1", 20_000, Sentiment.NEGATIVE, 0.9, "weibo:1")).orElseThrow();
        Alert repost = rule.evaluate(mention("2", 90_000, Sentiment.NEGATIVE, 0.8, "weibo:1")).orElseThrow();
        Alert other = rule.evaluate(mention("3", 90_000, Sentiment.NEGATIVE, 0.8, "weibo:3")).orElseThrow();
        assertEquals(first.id(), repost.id());
        assertNotEquals(first.id(), other.id());
        assertEquals(rule.version(), NegativeHighReachRule.defaults().version());
        assertNotEquals(rule.version(), new NegativeHighReachRule(50_000, 0.6).version());
    }

    @Test
    void followerCountsReadNaturallyInChinese() {
        assertEquals("9999", NegativeHighReachRule.followersZh(9_999));
        assertEquals("3.6万", NegativeHighReachRule.followersZh(36_400));
        assertEquals("230万", NegativeHighReachRule.followersZh(2_300_000));
        assertEquals("1.2亿", NegativeHighReachRule.followersZh(120_000_000));
    }

    static ScoredMention mention(String id, long followers, Sentiment label, double negative, String story) {
        Mention m = new Mention(Platform.WEIBO, id, Kind.POST, "暖途T7空气炸锅冒烟了",
                OffsetDateTime.parse("2026-11-20T10:15:00+08:00"), new Author("u" + id, "某用户", followers, false),
                null, null, null, Metrics.ZERO);
        return new ScoredMention(m, new Analysis(label, negative, null, List.of(), null, List.of(), "test"), story);
    }
}
