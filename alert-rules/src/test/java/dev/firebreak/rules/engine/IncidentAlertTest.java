package dev.firebreak.rules.engine;

import static dev.firebreak.rules.engine.Mentions.at;
import static dev.firebreak.rules.engine.Mentions.rules;
import static dev.firebreak.rules.engine.Mentions.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.engine.Decision.Kind;
import dev.firebreak.rules.engine.Decision.Suppression;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One alert per incident: every matching rule on it, the highest severity, one id, muted rules named. */
class IncidentAlertTest {
    private static final String PACK = """
            rules:
              - id: safety-complaint
                when: {complaint: safety}
                severity: P1
                reason: {zh: "安全投诉：{author}，事件已有 {story.size} 条"}
                notify: [agents, pr-oncall]
              - id: fire-words
                match: '起火 OR 冒烟'
                severity: P1
                reason: {zh: "起火/冒烟：{author}"}
                notify: [pr-lead]
              - id: negative
                when: {label: negative}
                severity: P3
                reason: {zh: "负面：{author}"}
                notify: [agents]
            """;

    private static ScoredMention post(String id, String story, String root, int minutes, String text, List<String> complaint) {
        Mention m = new Mention(Platform.WEIBO, id, root == null ? dev.firebreak.core.Kind.POST : dev.firebreak.core.Kind.REPOST, text,
                at(minutes).atOffset(ZoneOffset.ofHours(8)), new Author("a" + id, "用户" + id, 500, false), root, root,
                null, Metrics.ZERO);
        return new ScoredMention(m, new Analysis(Sentiment.NEGATIVE, 0.9, "angry", complaint, null, List.of(), "test"), story);
    }

    private static ScoredMention smoke(String id, String story, int minutes) {
        return post(id, story, null, minutes, "暖途T7空气炸锅冒烟了", List.of("safety"));
    }

    @Test
    void everyMatchingRuleIsOnTheOneAlertAndEachOneIsToldOnce() {
        AlertEngine e = new AlertEngine(rules(PACK));
        List<Decision> ds = e.evaluate(smoke("1", "s1", 0), story(1, 1, 1, 500, Double.NaN, 1), at(0));
        assertEquals(List.of(Kind.FIRE, Kind.UPDATE, Kind.UPDATE), ds.stream().map(Decision::kind).toList());
        Alert a = ds.get(0).alert();
        ds.forEach(d -> assertEquals(a, d.alert(), "one alert, as it stands after the mention"));
        assertEquals(List.of("safety-complaint", "fire-words", "negative"), a.rules().stream().map(Alert.RuleMatch::ruleId).toList());
        assertEquals("safety-complaint", a.ruleId(), "of equal severity, the first to match owns it");
        assertEquals(Severity.P1, a.severity());
        assertEquals("安全投诉：用户1，事件已有 1 条\n起火/冒烟：用户1\n负面：用户1", a.reason());
        Set<String> told = new HashSet<>();
        ds.forEach(d -> told.addAll(d.notifyChannels()));
        assertEquals(Set.of("agents", "pr-oncall", "pr-lead"), told, "the union of the rules' channels");

        List<Decision> next = e.evaluate(smoke("2", "s1", 1), story(7, 2, 1, 1000, Double.NaN, 1), at(1));
        assertTrue(next.stream().allMatch(d -> d.kind() == Kind.UPDATE && !d.joined() && d.notifyChannels().isEmpty()));
        assertEquals("安全投诉：用户1，事件已有 7 条\n起火/冒烟：用户1\n负面：用户1", next.get(0).alert().reason(),
                "the reason is rendered again from the story's current size");
        assertEquals(a.id(), next.get(0).alert().id());
    }

    @Test
    void theSeverityIsTheHighestOfItsRulesWhicheverCameFirst() {
        AlertEngine e = new AlertEngine(rules(PACK));
        Decision fire = e.evaluate(post("1", "s1", null, 0, "客服太慢了", List.of()), Mentions.small(), at(0)).get(0);
        assertEquals(Severity.P3, fire.alert().severity());
        List<Decision> ds = e.evaluate(smoke("2", "s1", 3), Mentions.small(), at(3));
        Alert now = ds.get(ds.size() - 1).alert();
        assertEquals(fire.alert().id(), now.id(), "the id does not depend on which rule matched first");
        assertEquals(Severity.P1, now.severity());
        assertEquals("safety-complaint", now.ruleId());
        assertTrue(ds.get(0).raised() && ds.get(0).joined());
        assertEquals(List.of("safety-complaint", "fire-words", "negative"), now.rules().stream().map(Alert.RuleMatch::ruleId).toList());
        assertEquals(fire.alert().firedAt(), now.rules().get(2).firstMatchedAt());
    }

    @Test
    void anIncidentKeepsItsIdWhenItsMembersArriveOutOfOrderAndJoinLate() {
        AlertEngine e = new AlertEngine(rules(PACK));
        // a repost of weibo:9 arrives before weibo:9 itself: with no story yet it is the root's story
        Decision early = e.evaluate(post("10", "weibo:9", "9", 0, "转发：T7冒烟了", List.of("safety")),
                Mentions.small(), at(0)).get(0);
        assertEquals(Kind.FIRE, early.kind());
        // weibo:9 arrives and joins an older story s-old (a copy of an earlier post); its reposts follow it
        List<Decision> original = e.evaluate(post("9", "s-old", null, 5, "暖途T7空气炸锅冒烟了", List.of("safety")),
                Mentions.small(), at(5));
        List<Decision> later = e.evaluate(post("11", "s-old", "9", 6, "转发：冒烟", List.of("safety")), Mentions.small(), at(6));
        for (Decision d : original) assertEquals(early.alert().id(), d.alert().id(), d::toString);
        for (Decision d : later) assertEquals(early.alert().id(), d.alert().id(), d::toString);
        assertEquals("s-old", later.get(0).alert().storyId(), "the alert says the story it belongs to now");
        assertEquals(1, e.openAlerts().size());

        AlertEngine restarted = new AlertEngine(e.rules(), EngineState.fromJson(e.snapshot().toJson()));
        List<Decision> after = restarted.evaluate(smoke("12", "s-old", 7), Mentions.small(), at(7));
        assertEquals(early.alert().id(), after.get(0).alert().id(), "the link survives a restart");
        assertEquals(3, after.get(0).alert().rules().size(), "and so do the alert's rules");
    }

    @Test
    void aRuleASilenceMutesDoesNotJoinAndSaysBy() {
        RuleSet base = rules(PACK);
        RuleSet silenced = base.withSilences(List.of(
                new Silence("s-fire", "冒烟", "fire-words", "维修期间的已知问题", "alice", at(0), at(60))));
        AlertEngine e = new AlertEngine(silenced);
        List<Decision> ds = e.evaluate(smoke("1", "s1", 0), Mentions.small(), at(0));
        Decision muted = ds.stream().filter(d -> d.rule().id().equals("fire-words")).findFirst().orElseThrow();
        assertEquals(Kind.SUPPRESSED, muted.kind());
        assertEquals(Suppression.SILENCED, muted.suppression());
        assertEquals("s-fire", muted.by());
        assertEquals("维修期间的已知问题", muted.note());
        assertNull(muted.alert());
        Alert a = ds.get(0).alert();
        assertEquals(List.of("safety-complaint", "negative"), a.rules().stream().map(Alert.RuleMatch::ruleId).toList());
        assertTrue(ds.stream().noneMatch(d -> d.notifyChannels().contains("pr-lead")), "its channel is not told");
    }

    @Test
    void aMentionNoRuleMatchedStillMovesTheFiguresAndTheStatusHolds() {
        AlertEngine e = new AlertEngine(rules(PACK));
        Alert a = e.evaluate(smoke("1", "s1", 0), Mentions.small(), at(0)).get(0).alert();
        assertTrue(e.setStatus(a.id(), AlertStatus.ACKNOWLEDGED, new Alert.Handling("acknowledged", "小王", null)));
        ScoredMention neutral = new ScoredMention(post("2", "s1", "1", 1, "围观", List.of()).mention(),
                new Analysis(Sentiment.NEUTRAL, 0.1, "calm", List.of(), null, List.of(), "test"), "s1");
        assertTrue(e.evaluate(neutral, story(10, 3, 1, 900, 14, 0.6), at(1)).isEmpty());
        Decision grew = e.storyGrew(neutral, story(10, 3, 1, 900, 14, 0.6)).orElseThrow();
        assertEquals(10, grew.alert().story().size());
        assertEquals(14L, grew.alert().story().predictedSize());
        assertEquals(AlertStatus.ACKNOWLEDGED, grew.alert().status(), "a new version keeps the acknowledgement");
        assertEquals("小王", grew.alert().handling().acknowledgedBy());
        assertTrue(grew.alert().reason().startsWith("安全投诉：用户1，事件已有 10 条"));
        assertEquals(AlertStatus.ACKNOWLEDGED,
                e.evaluate(smoke("3", "s1", 2), Mentions.small(), at(2)).get(0).alert().status());
    }

    @Test
    void aStateSavedBeforeAlertsCarriedTheirRulesStillRestores() {
        AlertEngine e = new AlertEngine(rules(PACK));
        Alert a = e.evaluate(smoke("1", "s1", 0), Mentions.small(), at(0)).get(0).alert();
        // the saved state as it was written before: no members, no aliases, an alert without rules
        Alert old = new Alert(a.id(), a.ruleId(), a.ruleVersion(), a.severity(), a.storyId(), a.firedAt(), "旧的原因",
                a.mentions(), a.story(), a.status(), List.of(), null);
        String json = new EngineState(List.of(new EngineState.Group(null, "s1", 1, old, at(0).minusSeconds(0), null)),
                List.of()).toJson().replace(",\"members\":[]", "").replace(",\"aliases\":{}", "");
        AlertEngine restarted = new AlertEngine(e.rules(), EngineState.fromJson(json));
        List<Decision> ds = restarted.evaluate(smoke("2", "s1", 1), Mentions.small(), at(1));
        assertEquals(a.id(), ds.get(0).alert().id());
        assertEquals(List.of("safety-complaint", "fire-words", "negative"),
                ds.get(0).alert().rules().stream().map(Alert.RuleMatch::ruleId).toList(), "its one rule back, the others join");
        assertTrue(ds.get(0).alert().reason().startsWith("旧的原因\n"), "the old rule's reason line stays (nothing to render it from)");
    }
}
