package dev.firebreak.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.file.BuiltinRules;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.file.RuleLoader;
import dev.firebreak.rules.model.RuleSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The built-in pack on a simulated complaint that goes viral: one alert, early, updated as it grows. */
class BuiltinPackTest {
    static RuleSet builtin() throws RuleFileException {
        return new RuleLoader(BuiltinRules.CHANNELS, MatchCompiler.queries()).load(List.of(BuiltinRules.file()));
    }

    /** A story growing from 5 to 5·2^8 mentions an hour over 9 hours, mostly negative, no forecast. */
    static List<Instant> viralTimes(Instant start) {
        List<Instant> times = new ArrayList<>();
        for (int h = 0; h < 9; h++) {
            int n = 5 << h;
            for (int i = 0; i < n; i++) {
                times.add(start.plusSeconds(h * 3600L + (3600L * i) / n));
            }
        }
        return times;
    }

    @Test
    void aViralComplaintIsOneAlertRaisedEarlyAndUpdatedAsItGrows() throws RuleFileException {
        AlertEngine engine = new AlertEngine(builtin());
        Instant start = Instant.parse("2026-11-20T02:00:00Z");
        List<Instant> times = viralTimes(start);
        int finalSize = times.size();
        Random random = new Random(7);
        ArrayDeque<Instant> lastHour = new ArrayDeque<>();
        ArrayDeque<Instant> hourBefore = new ArrayDeque<>();
        List<Decision> all = new ArrayList<>();
        int firedAtSize = -1;
        long reach = 0;
        for (int i = 0; i < finalSize; i++) {
            Instant at = times.get(i);
            lastHour.addLast(at);
            while (!lastHour.getFirst().isAfter(at.minusSeconds(3600))) hourBefore.addLast(lastHour.removeFirst());
            while (!hourBefore.isEmpty() && !hourBefore.getFirst().isAfter(at.minusSeconds(7200))) hourBefore.removeFirst();
            long followers = 50 + random.nextInt(5000);
            reach += followers;
            boolean negative = random.nextDouble() < 0.8;
            Escalation esc = i == 300 ? new Escalation("filed", List.of("12315")) : null;
            ScoredMention m = mention("v" + i, "story-viral", followers, at, negative, esc);
            StoryFacts facts = new StoryFacts(i + 1, lastHour.size(), lastHour.size() - hourBefore.size(), reach, 0, 0,
                    Double.NaN, 0.8, 0, esc == null ? 0 : 1);
            for (Decision d : engine.evaluate(m, facts, at)) {
                all.add(d);
                if (d.kind() == Decision.Kind.FIRE) firedAtSize = i + 1;
            }
        }
        List<Decision> fires = all.stream().filter(d -> d.kind() == Decision.Kind.FIRE).toList();
        assertEquals(1, fires.size(), "one alert for the story");
        String id = fires.get(0).alert().id();
        assertTrue(all.stream().allMatch(d -> d.alert() == null || d.alert().id().equals(id)));
        assertTrue(firedAtSize < finalSize / 10, "fired at size " + firedAtSize + " of " + finalSize);
        long updates = all.stream().filter(d -> d.kind() == Decision.Kind.UPDATE).count();
        assertTrue(updates > finalSize / 2, "updated as it grows: " + updates);
        var last = engine.openAlert(id).orElseThrow();
        assertEquals(finalSize, last.story().size());
        List<Decision> raised = all.stream().filter(Decision::raised).toList();
        assertEquals(1, raised.size(), "the complaint filed with 12315 raised the same alert to P1, once");
        assertEquals(Severity.P1, last.severity());
        assertEquals("regulator-filed", last.ruleId());
        System.out.printf("builtin pack, viral story of %d: fired at size %d (%s), %d updates%n", finalSize,
                firedAtSize, fires.get(0).rule().id(), updates);
    }

    @Test
    void safetyIsP1AtAnySizeAndAFiledComplaintRaisesAThreat() throws RuleFileException {
        AlertEngine engine = new AlertEngine(builtin());
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        ScoredMention safety = new ScoredMention(mention("s1", "story-a", 30, at, true, null).mention(),
                new Analysis(Sentiment.NEGATIVE, 0.7, "fear", List.of("safety"), null, List.of(), "t"), "story-a");
        Decision d = engine.evaluate(safety, StoryFacts.single(safety), at).get(0);
        assertEquals(Decision.Kind.FIRE, d.kind());
        assertEquals(Severity.P1, d.alert().severity());
        assertEquals(List.of("agents", "pr-oncall", "supervisor"), d.notifyChannels());

        ScoredMention threat = mention("t1", "story-b", 30, at, true, new Escalation("threat", List.of("blackcat")));
        Decision t = engine.evaluate(threat, StoryFacts.single(threat), at).get(0);
        assertEquals(Severity.P2, t.alert().severity());
        assertTrue(t.alert().reason().contains("blackcat"), t.alert().reason());
        ScoredMention filed = mention("t2", "story-b", 30, at.plusSeconds(600), true, new Escalation("filed", List.of("12315")));
        Decision f = engine.evaluate(filed, StoryFacts.single(filed), at.plusSeconds(600)).get(0);
        assertEquals(Decision.Kind.UPDATE, f.kind());
        assertTrue(f.raised());
        assertEquals(t.alert().id(), f.alert().id());
        assertEquals(Severity.P1, f.alert().severity());
        assertEquals("regulator-filed", f.alert().ruleId());
    }

    static ScoredMention mention(String id, String story, long followers, Instant at, boolean negative, Escalation esc) {
        Mention m = new Mention(Platform.WEIBO, id, Kind.REPOST, "暖途T7空气炸锅冒烟了，客服不理人",
                at.atOffset(ZoneOffset.ofHours(8)), new Author("u" + id, "用户" + id, followers, false), null, null, null,
                Metrics.ZERO);
        return new ScoredMention(m, new Analysis(negative ? Sentiment.NEGATIVE : Sentiment.NEUTRAL, negative ? 0.9 : 0.2,
                negative ? "angry" : "neutral", negative ? List.of("quality") : List.of(), esc, List.of(), "test"), story);
    }
}
