package dev.firebreak.rules.engine;

import static dev.firebreak.rules.engine.Mentions.at;
import static dev.firebreak.rules.engine.Mentions.negative;
import static dev.firebreak.rules.engine.Mentions.rules;
import static dev.firebreak.rules.engine.Mentions.small;
import static dev.firebreak.rules.engine.Mentions.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.RuleVersion;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.engine.Decision.Kind;
import dev.firebreak.rules.engine.Decision.Suppression;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
    private static final String NEG = """
            rules:
              - id: neg
                when: {label: negative}
                severity: P2
                reason: {zh: "负面：{author}（粉丝 {followers}）", en: "negative by {author} ({followers} followers)"}
                notify: [agents]
                group: %s
                cooldown: 30m
            """;

    private static Decision only(List<Decision> ds) {
        assertEquals(1, ds.size(), ds::toString);
        return ds.get(0);
    }

    private static Decision decide(AlertEngine e, ScoredMention m, StoryFacts s, int minutes) {
        return only(e.evaluate(m, s, at(minutes)));
    }

    @Test
    void nothingMatchesNothingHappens() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story")));
        var m = Mentions.mention("1", "s1", "u1", 10, 0, "好用", Sentiment.POSITIVE, 0.1, List.of(), null);
        assertTrue(e.evaluate(m, small(), at(0)).isEmpty());
    }

    @Test
    void groupByStoryOneAlertThatUpdates() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story")));
        Decision fire = decide(e, negative("1", "s1", "u1", 2_150_000, 0), story(1, 1, 1, 2_150_000, Double.NaN, 1), 0);
        assertEquals(Kind.FIRE, fire.kind());
        Alert a = fire.alert();
        assertEquals(RuleVersion.alertId("story", "s1"), a.id(), "a story alert's id is the story's, whichever rule fired");
        assertEquals("neg", a.ruleId());
        assertEquals(e.rules().rule("neg").orElseThrow().version(), a.ruleVersion());
        assertEquals("s1", a.storyId());
        assertEquals(AlertStatus.FIRING, a.status());
        assertEquals(OffsetDateTime.parse("2026-11-20T10:00:00+08:00"), a.firedAt(), "event time, with the mention's offset");
        assertEquals("负面：用户u1（粉丝 215万） / negative by 用户u1 (2,150,000 followers)", a.reason());
        assertEquals(List.of("agents"), fire.notifyChannels());

        Decision update = decide(e, negative("2", "s1", "u2", 10, 5), story(40, 30, 10, 2_200_000, 900, 0.8), 5);
        assertEquals(Kind.UPDATE, update.kind());
        assertFalse(update.raised());
        assertEquals(List.of(), update.notifyChannels(), "an update of a growing story tells nobody again");
        assertEquals(a.id(), update.alert().id());
        assertEquals(a.firedAt(), update.alert().firedAt());
        assertEquals(List.of("weibo:1", "weibo:2"), update.alert().mentions());
        assertEquals(40, update.alert().story().size());
        assertEquals(900L, update.alert().story().predictedSize());
        assertEquals(2_200_000, update.alert().story().reach());

        Decision other = decide(e, negative("3", "s2", "u1", 10, 6), small(), 6);
        assertEquals(Kind.FIRE, other.kind());
        assertNotEquals(a.id(), other.alert().id());
        assertEquals(2, e.openAlerts().size());
    }

    @Test
    void aMentionSeenTwiceIsNotAddedTwice() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story")));
        decide(e, negative("1", "s1", "u1", 10, 0), small(), 0);
        decide(e, negative("2", "s1", "u1", 10, 1), small(), 1);
        assertTrue(e.evaluate(negative("2", "s1", "u1", 10, 1), small(), at(1)).isEmpty(), "already decided");
        assertEquals(List.of("weibo:1", "weibo:2"), e.openAlerts().get(0).mentions());
    }

    @Test
    void aViralStoryKeepsItsFirstAndLatestMentions() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story")));
        for (int i = 0; i < 500; i++) {
            e.evaluate(negative(Integer.toString(i), "s1", "u" + i, 10, i / 10), small(), at(i / 10));
        }
        List<String> kept = e.openAlerts().get(0).mentions();
        assertEquals(AlertComposer.KEEP_FIRST + AlertComposer.KEEP_LAST, kept.size());
        assertEquals("weibo:0", kept.get(0));
        assertEquals("weibo:9", kept.get(9));
        assertEquals("weibo:460", kept.get(10));
        assertEquals("weibo:499", kept.get(kept.size() - 1));
    }

    @Test
    void groupByAuthorAcrossStories() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("author")));
        Decision first = decide(e, negative("1", "s1", "u1", 10, 0), small(), 0);
        assertEquals(RuleVersion.alertId("neg", "weibo:u1"), first.alert().id());
        assertEquals("weibo:u1", first.groupKey());
        assertEquals(Kind.UPDATE, decide(e, negative("2", "s2", "u1", 10, 1), small(), 1).kind());
        assertEquals(Kind.FIRE, decide(e, negative("3", "s1", "u2", 10, 2), small(), 2).kind());
    }

    @Test
    void groupByRuleIsOneAlertForEverything() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("rule")));
        Decision first = decide(e, negative("1", "s1", "u1", 10, 0), small(), 0);
        assertEquals(RuleVersion.alertId("neg", "neg"), first.alert().id());
        assertEquals(Kind.UPDATE, decide(e, negative("2", "s2", "u2", 10, 1), small(), 1).kind());
    }

    @Test
    void storyRulesShareOneAlertPerStoryAndAWorseRuleJoinsAndRaisesIt() {
        AlertEngine e = new AlertEngine(rules("""
                rules:
                  - id: noisy
                    when: {label: negative}
                    severity: P3
                    notify: [agents]
                  - id: threat
                    when: {escalation.stage: threat}
                    severity: P2
                    reason: "威胁投诉 {channels}"
                    notify: [pr-oncall]
                  - id: filed
                    when: {escalation.stage: filed}
                    severity: P1
                    reason: "已投诉 {channels}"
                    notify: [supervisor]
                """));
        Decision fire = decide(e, negative("1", "s1", "u1", 10, 0), small(), 0);
        assertEquals("noisy", fire.alert().ruleId());
        var threat = Mentions.mention("2", "s1", "u2", 10, 5, "再不退款我就去12315投诉", Sentiment.NEGATIVE, 0.9,
                List.of("refund"), new dev.firebreak.core.Escalation("threat", List.of("12315")));
        List<Decision> ds = e.evaluate(threat, small(), at(5));
        assertEquals(2, ds.size(), "threat joins, noisy updates: " + ds);
        Decision raised = ds.get(0);
        assertEquals(Kind.UPDATE, raised.kind());
        assertTrue(raised.joined());
        assertTrue(raised.raised());
        assertEquals(fire.alert().id(), raised.alert().id(), "still the one alert of the story");
        assertEquals(Severity.P2, raised.alert().severity());
        assertEquals("threat", raised.alert().ruleId());
        assertEquals(List.of("threat", "noisy"), raised.alert().rules().stream().map(Alert.RuleMatch::ruleId).toList());
        assertEquals("威胁投诉 12315\n规则 noisy 触发：用户u1 / rule noisy fired on 用户u1", raised.alert().reason(),
                "one line per rule, most severe first");
        assertEquals(List.of("pr-oncall"), raised.notifyChannels());
        assertFalse(ds.get(1).joined());
        assertEquals(List.of(), ds.get(1).notifyChannels(), "a rule already on the alert is not told again");
        assertEquals(raised.alert(), ds.get(1).alert(), "both decisions carry the alert as it stands after the mention");
        assertEquals(1, e.openAlerts().size());

        // one mention matching P1 and P3 at once in a new story: P1 fires, P3 joins the same alert
        var filed = Mentions.mention("3", "s2", "u3", 10, 6, "已经投诉到12315了", Sentiment.NEGATIVE, 0.9,
                List.of("refund"), new dev.firebreak.core.Escalation("filed", List.of("12315")));
        List<Decision> both = e.evaluate(filed, small(), at(6));
        assertEquals(2, both.size(), both::toString);
        assertEquals(Kind.FIRE, both.get(0).kind());
        assertTrue(both.get(1).joined());
        assertEquals(both.get(0).alert(), both.get(1).alert());
        assertEquals(Severity.P1, both.get(0).alert().severity());
        assertEquals(List.of("filed", "noisy"), both.get(0).alert().rules().stream().map(Alert.RuleMatch::ruleId).toList());
        assertEquals(2, e.openAlerts().size());
    }

    @Test
    void cooldownAfterResolveThenANewAlertWithACount() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story")));
        String id = decide(e, negative("1", "s1", "u1", 10, 0), small(), 0).alert().id();
        assertTrue(e.resolve(id, at(10)));
        assertFalse(e.resolve(id, at(10)), "already resolved");
        Decision held = decide(e, negative("2", "s1", "u1", 10, 20), small(), 20);
        assertEquals(Kind.SUPPRESSED, held.kind());
        assertEquals(Suppression.COOLDOWN, held.suppression());
        assertEquals(at(40), held.until(), "30m from the resolve");
        assertTrue(held.why().startsWith("cooldown 30m until"), held.why());
        Decision again = decide(e, negative("3", "s1", "u1", 10, 40), small(), 40);
        assertEquals(Kind.FIRE, again.kind());
        assertEquals(id + "-2", again.alert().id());
        assertEquals(List.of("weibo:3"), again.alert().mentions());
        e.resolve(again.alert().id(), at(41));
        assertEquals(id + "-3", decide(e, negative("4", "s1", "u1", 10, 100), small(), 100).alert().id());
    }

    @Test
    void cooldownCountsFromTheFireWhenResolvedAtOnce() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story").replace("cooldown: 30m", "cooldown: 1h")));
        String id = decide(e, negative("1", "s1", "u1", 10, 0), small(), 0).alert().id();
        e.resolve(id, at(0));
        assertEquals(Suppression.COOLDOWN, decide(e, negative("2", "s1", "u1", 10, 59), small(), 59).suppression());
        assertEquals(Kind.FIRE, decide(e, negative("3", "s1", "u1", 10, 60), small(), 60).kind());
    }

    @Test
    void forNeedsTheConditionToHoldThatLong() {
        AlertEngine e = new AlertEngine(rules(NEG.formatted("story") + "    for: 10m\n"));
        Decision wait = decide(e, negative("1", "s1", "u1", 10, 0), small(), 0);
        assertEquals(Suppression.PENDING, wait.suppression());
        assertEquals(at(10), wait.until());
        assertEquals(Suppression.PENDING, decide(e, negative("2", "s1", "u1", 10, 6), small(), 6).suppression());
        Decision fire = decide(e, negative("3", "s1", "u1", 10, 10), small(), 10);
        assertEquals(Kind.FIRE, fire.kind());
        assertEquals(OffsetDateTime.parse("2026-11-20T10:10:00+08:00"), fire.alert().firedAt());

        // a gap longer than `for` means it stopped holding: the wait starts again
        decide(e, negative("4", "s2", "u1", 10, 0), small(), 0);
        Decision restarted = decide(e, negative("5", "s2", "u1", 10, 11), small(), 11);
        assertEquals(Suppression.PENDING, restarted.suppression());
        assertEquals(at(21), restarted.until());
        assertEquals(Kind.FIRE, decide(e, negative("6", "s2", "u1", 10, 21), small(), 21).kind());
    }

    @Test
    void activeHoursInTheRulesTimeZone() {
        AlertEngine e = new AlertEngine(rules("""
                rules:
                  - id: day
                    when: {label: negative}
                    severity: P3
                    notify: [agents]
                    group: author
                    active: {hours: "08:00-22:00", timezone: Asia/Shanghai}
                  - id: london-night
                    when: {label: negative}
                    severity: P4
                    notify: [agents]
                    group: author
                    quiet: {hours: "22:00-07:00", timezone: Europe/London}
                """));
        // 2026-11-20 23:30 in Shanghai is 15:30 in London
        Instant late = OffsetDateTime.parse("2026-11-20T23:30:00+08:00").toInstant();
        List<Decision> ds = e.evaluate(negative("1", "s1", "u1", 10, 0), small(), late);
        assertEquals(Suppression.OUTSIDE_HOURS, ds.get(0).suppression());
        assertEquals("day", ds.get(0).rule().id());
        assertTrue(ds.get(0).why().contains("active 08:00-22:00 Asia/Shanghai"), ds.get(0).why());
        assertEquals(Kind.FIRE, ds.get(1).kind());
        assertEquals("london-night", ds.get(1).rule().id());

        // 07:30 in Shanghai is 23:30 the day before in London: quiet there, active here
        Instant morning = OffsetDateTime.parse("2026-11-21T07:59:00+08:00").toInstant();
        ds = e.evaluate(negative("2", "s1", "u2", 10, 0), small(), morning);
        assertEquals(Suppression.OUTSIDE_HOURS, ds.get(0).suppression(), "07:59 is before 08:00");
        assertEquals(Suppression.OUTSIDE_HOURS, ds.get(1).suppression());
        ds = e.evaluate(negative("3", "s1", "u3", 10, 0), small(), morning.plusSeconds(60));
        assertEquals(Kind.FIRE, ds.get(0).kind(), "08:00 is inside");
        assertEquals(Suppression.OUTSIDE_HOURS, ds.get(1).suppression(), "00:00 in London is quiet");
    }

    @Test
    void silencesByQueryAndRuleUntilTheyExpire() {
        RuleSet base = rules(NEG.formatted("story") + """
                  - id: other
                    when: {label: negative}
                    severity: P3
                    notify: [agents]
                    group: author
                """);
        RuleSet silenced = base.withSilences(List.of(
                new Silence("s-fryer", "空气炸锅 AND 冒烟", "neg", "known issue, fix shipping", "alice", at(0), at(60)),
                new Silence("s-later", null, "other", "maintenance", "bob", at(30), at(90))));
        AlertEngine e = new AlertEngine(silenced);
        List<Decision> ds = e.evaluate(negative("1", "s1", "u1", 10, 5), small(), at(5));
        assertEquals(Suppression.SILENCED, ds.get(0).suppression());
        assertEquals("s-fryer", ds.get(0).by());
        assertEquals("silenced by s-fryer (known issue, fix shipping)", ds.get(0).why());
        assertEquals(Kind.FIRE, ds.get(1).kind(), "rule other is not covered until its silence starts");

        var unrelated = Mentions.mention("2", "s2", "u1", 10, 6, "客服太慢", Sentiment.NEGATIVE, 0.9, List.of(), null);
        assertEquals(Kind.FIRE, e.evaluate(unrelated, small(), at(6)).get(0).kind(), "the query does not match");

        assertEquals(Suppression.SILENCED, e.evaluate(negative("3", "s3", "u9", 10, 40), small(), at(40)).get(1).suppression());
        // expired at 60: ignored
        assertEquals(Kind.FIRE, e.evaluate(negative("4", "s4", "u1", 10, 60), small(), at(60)).get(0).kind());

        assertEquals(List.of("s-fryer"), silenced.silences().remindersDue(at(45), Duration.ofMinutes(15))
                .stream().map(Silence::id).toList());
        assertEquals(List.of("s-fryer", "s-later"), silenced.silences().remindersDue(at(45), Duration.ofHours(1))
                .stream().map(Silence::id).toList());
        assertEquals(List.of("s-later"), silenced.silences().remindersDue(at(60), Duration.ofHours(1))
                .stream().map(Silence::id).toList(), "an expired silence needs no reminder");
        assertEquals(List.of("s-fryer"), silenced.silences().expired(at(60)).stream().map(Silence::id).toList());
    }

    @Test
    void aSilenceWithABadQueryIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rules(NEG.formatted("story")).withSilences(List.of(
                        new Silence("s1", "(退款", null, "x", "alice", at(0), at(60)))));
        assertEquals("silence \"s1\": match: column 4: expected \")\" to close \"(\" at column 1", e.getMessage());
    }

    @Test
    void aP1AboutAStoryMutesP3AndP4AboutIt() {
        AlertEngine e = new AlertEngine(rules("""
                rules:
                  - id: big-author
                    when: {author.followers: ">= 100000"}
                    severity: P1
                    notify: [pr-oncall]
                    group: author
                  - id: p2
                    when: {label: negative}
                    severity: P2
                    notify: [agents]
                    group: author
                  - id: p3
                    when: {label: negative}
                    severity: P3
                    notify: [agents]
                  - id: p4
                    when: {label: negative}
                    severity: P4
                    notify: [agents]
                    group: rule
                """));
        List<Decision> ds = e.evaluate(negative("1", "s1", "kol", 500_000, 0), small(), at(0));
        String p1 = ds.get(0).alert().id();
        assertEquals(List.of(Kind.FIRE, Kind.FIRE, Kind.SUPPRESSED, Kind.SUPPRESSED), ds.stream().map(Decision::kind).toList());
        assertEquals(Suppression.INHIBITED, ds.get(2).suppression());
        assertEquals(p1, ds.get(2).by());
        assertEquals("inhibited by alert " + p1, ds.get(3).why());

        ds = e.evaluate(negative("2", "s1", "fan", 10, 1), small(), at(1));
        assertEquals(List.of(Kind.FIRE, Kind.SUPPRESSED, Kind.SUPPRESSED), ds.stream().map(Decision::kind).toList(),
                "P2 is not muted by P1; P3 and P4 are");
        ds = e.evaluate(negative("3", "s2", "fan", 10, 2), small(), at(2));
        assertEquals(List.of(Kind.UPDATE, Kind.FIRE, Kind.FIRE), ds.stream().map(Decision::kind).toList(),
                "another story is not muted");

        e.resolve(p1, at(3));
        ds = e.evaluate(negative("4", "s1", "fan2", 10, 4), small(), at(4));
        assertEquals(List.of(Kind.FIRE, Kind.FIRE, Kind.UPDATE), ds.stream().map(Decision::kind).toList(),
                "resolved: it mutes nothing");
    }

    @Test
    void snapshotAndRestoreKeepOpenAlertsCountsAndWaits() {
        RuleSet set = rules(NEG.formatted("story") + """
                  - id: slow
                    when: {label: negative}
                    severity: P3
                    notify: [agents]
                    group: author
                    for: 10m
                """);
        AlertEngine e = new AlertEngine(set);
        String id = e.evaluate(negative("1", "s1", "u1", 10, 0), small(), at(0)).get(0).alert().id();
        e.resolve(id, at(1));
        e.evaluate(negative("2", "s1", "u1", 10, 40), small(), at(40));
        String json = e.snapshot().toJson();

        AlertEngine restored = new AlertEngine(set, EngineState.fromJson(json));
        assertEquals(e.snapshot(), restored.snapshot());
        List<Decision> ds = restored.evaluate(negative("3", "s1", "u1", 10, 50), small(), at(50));
        assertEquals(Kind.UPDATE, ds.get(0).kind());
        assertEquals(id + "-2", ds.get(0).alert().id());
        assertEquals(Kind.FIRE, ds.get(1).kind(), "the wait started before the restart");

        AlertEngine fresh = new AlertEngine(set, EngineState.EMPTY);
        assertEquals(id, fresh.evaluate(negative("3", "s1", "u1", 10, 50), small(), at(50)).get(0).alert().id());
    }
}
