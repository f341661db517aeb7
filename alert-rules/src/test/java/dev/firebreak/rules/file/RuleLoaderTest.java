package dev.firebreak.rules.file;

import static dev.firebreak.rules.file.Fixtures.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Severity;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.RuleVersion;
import dev.firebreak.rules.model.AlertRule;
import dev.firebreak.rules.model.EscalationStep;
import dev.firebreak.rules.model.Grouping;
import dev.firebreak.rules.model.RuleSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
    private static final String FIELDS = "(expected id, match, when, severity, reason, notify, group, cooldown, for, escalate, active, quiet)";

    @Test
    void aGoodFileLoadsEveryFeature() throws RuleFileException {
        RuleSet set = Fixtures.load("good.yaml");
        assertEquals(List.of("any-safety", "kol-complaint", "threat-by-author"),
                set.rules().stream().map(AlertRule::id).toList(), "most severe first");
        AlertRule kol = set.rule("kol-complaint").orElseThrow();
        assertEquals(Severity.P2, kol.severity());
        assertEquals(Grouping.STORY, kol.group());
        assertEquals(Duration.ofMinutes(30), kol.cooldown());
        assertEquals(Duration.ofMinutes(10), kol.forDuration());
        assertEquals(List.of("agents", "pr-oncall"), kol.channels());
        assertEquals("rule:kol-complaint", kol.escalation().name());
        assertEquals(List.of(new EscalationStep(1, Duration.ofMinutes(15), List.of("supervisor")),
                new EscalationStep(2, Duration.ofHours(2), List.of("pr-lead"))), kol.escalation().steps());
        assertEquals("active 08:00-22:00 Asia/Shanghai", kol.hours().canonical());
        assertEquals(RuleVersion.of(kol.canonical()), kol.version());
        assertEquals("good.yaml:11:5", kol.file());

        AlertRule threat = set.rule("threat-by-author").orElseThrow();
        assertEquals(Grouping.AUTHOR, threat.group());
        assertEquals(Duration.ofMinutes(90), threat.cooldown());
        assertEquals("quiet 23:00-07:00 Asia/Shanghai", threat.hours().canonical());
        assertEquals("author.accountType in enterprise,person; author.followers>1000; author.verified=false; "
                + "complaint in refund; emotion in angry,sad; escalation.channels in 12315,blackcat; "
                + "escalation.stage=threat; negative>=0.8", threat.when().canonical());
        // pr-chain: supervisor at 15m, then lead-chain from 1h: pr-lead at 1h, pr-lead+supervisor at 1h30m
        assertEquals(List.of(new EscalationStep(1, Duration.ofMinutes(15), List.of("supervisor")),
                new EscalationStep(2, Duration.ofHours(1), List.of("pr-lead")),
                new EscalationStep(3, Duration.ofMinutes(90), List.of("pr-lead", "supervisor"))),
                threat.escalation().steps());
        assertEquals(threat.escalation(), set.policies().get("pr-chain"));

        AlertRule safety = set.rule("any-safety").orElseThrow();
        assertEquals(Grouping.RULE, safety.group());
        assertEquals(AlertRule.DEFAULT_COOLDOWN, safety.cooldown());
        assertNull(safety.escalation());
        assertNull(safety.hours());
    }

    @Test
    void unknownField() {
        assertEquals(List.of(
                "unknown-field.yaml:7:5: rule \"kol-complaint\": unknown field \"severty\" " + FIELDS,
                "unknown-field.yaml:8:5: rule \"kol-complaint\": unknown field \"escalation\" " + FIELDS),
                problems("unknown-field.yaml"));
    }

    @Test
    void wrongTypesAndValues() {
        assertEquals(List.of(
                "wrong-type.yaml:3:19: rule \"x\": when.label: expected one of negative, neutral, positive, got \"neg\"",
                "wrong-type.yaml:3:37: rule \"x\": when.story.reach: expected a comparison in quotes, got 100000 (write \">= 100000\" or \"== 100000\")",
                "wrong-type.yaml:3:62: rule \"x\": when.author.verified: expected true or false, got \"yes\"",
                "wrong-type.yaml:3:89: rule \"x\": when.complaint: unknown complaint \"saftey\" (expected refund, quality, service, delivery, price, safety, privacy, fraud)",
                "wrong-type.yaml:3:110: rule \"x\": when.story.kols: expected a comparison like \">= 100000\", \"> 3\" or \"< 0.5\", got \"lots\"",
                "wrong-type.yaml:4:15: rule \"x\": severity: expected one of P1, P2, P3, P4, got \"P5\"",
                "wrong-type.yaml:5:12: rule \"x\": group: expected one of story, author, rule, got \"storie\"",
                "wrong-type.yaml:7:18: rule \"x\": reason.zh: unknown placeholder \"{auther}\" (expected {author}, {followers}, {platform}, {rule}, {negative}, {complaint}, {channels}, {stage}, {story.size}, {story.reach}, {story.velocity1h}, {story.predictedFinal})",
                "wrong-type.yaml:8:21: rule \"x\": active.hours: expected a window like \"08:00-22:00\", got \"8-22\"",
                "wrong-type.yaml:8:39: rule \"x\": active.timezone: unknown time zone \"Asia/Shangai\" (e.g. Asia/Shanghai)"),
                problems("wrong-type.yaml"));
    }

    /** Column numbers and messages come from the query parser; line:col points at the match value. */
    @Test
    void badQuerySyntaxWithItsColumn() {
        assertEquals(List.of(
                "bad-query.yaml:3:12: rule \"x\": match: column 21: expected \")\" to close \"(\" at column 1",
                "bad-query.yaml:7:12: rule \"y\": match: column 4: nothing after OR"),
                problems("bad-query.yaml"));
    }

    @Test
    void badQuerySyntaxWithAnyMatchCompiler() {
        MatchCompiler strict = expression -> {
            throw new dev.firebreak.rules.MatchSyntaxException(12, "expected \")\"");
        };
        var e = assertThrows(RuleFileException.class, () -> new RuleLoader(Fixtures.CHANNELS, strict)
                .load(List.of(Fixtures.file("bad-query.yaml"))));
        assertEquals("bad-query.yaml:3:12: rule \"x\": match: column 12: expected \")\"", e.problems().get(0));
    }

    @Test
    void undefinedChannels() {
        assertEquals(List.of(
                "undefined-channel.yaml:3:29: undefined channel \"pager\" used in escalation policy \"chain\"",
                "undefined-channel.yaml:7:22: undefined channel \"pr-oncal\" used in rule \"kol-complaint\"",
                "undefined-channel.yaml:8:38: undefined channel \"superviser\" used in rule \"kol-complaint\""),
                problems("undefined-channel.yaml"));
    }

    @Test
    void escalationCyclesAndUnknownPolicies() {
        assertEquals(List.of(
                "escalation-cycle.yaml:4:29: escalation policy \"a\" loops back to itself: a -> b -> a",
                "escalation-cycle.yaml:8:29: escalation policy \"c\" loops back to itself: c -> c",
                "escalation-cycle.yaml:10:29: escalation policy \"d\": unknown escalation policy \"nowhere\" (known: a, b, c, d)",
                "escalation-cycle.yaml:19:15: rule \"y\": escalate: unknown escalation policy \"missing-chain\" (known: a, b, c, d)"),
                problems("escalation-cycle.yaml"));
    }

    @Test
    void durationsNeedAUnit() {
        assertEquals(List.of(
                "duration-no-unit.yaml:5:15: rule \"x\": cooldown: \"30\" has no unit (use s, m, h or d, e.g. 30m)",
                "duration-no-unit.yaml:6:10: rule \"x\": for: \"10\" has no unit (use s, m, h or d, e.g. 30m)",
                "duration-no-unit.yaml:10:15: rule \"y\": cooldown: expected a duration like 30s, 10m, 2h or 1d, got \"10 minutes\"",
                "duration-no-unit.yaml:11:24: rule \"y\": escalate: step 1: after: \"15\" has no unit (use s, m, h or d, e.g. 30m)"),
                problems("duration-no-unit.yaml"));
    }

    @Test
    void duplicateRuleIdsAcrossFiles() {
        assertEquals(List.of(
                "duplicate-id-b.yaml:5:9: duplicate rule id \"kol-complaint\" (first defined at duplicate-id-a.yaml:2:9)",
                "duplicate-id-b.yaml:8:9: duplicate rule id \"other\" (first defined at duplicate-id-b.yaml:2:9)"),
                problems("duplicate-id-a.yaml", "duplicate-id-b.yaml"));
    }

    @Test
    void escalationStepsMustComeLater() {
        assertEquals(List.of(
                "escalation-order.yaml:4:15: escalation policy \"chain\": step 2: after 30m does not come after step 1 (1h)",
                "escalation-order.yaml:11:17: rule \"x\": escalate: step 2: after 15m does not come after step 1 (15m)",
                "escalation-order.yaml:13:17: rule \"x\": escalate: step 4: after 1h does not come after step 3 (2h)"),
                problems("escalation-order.yaml"));
    }

    @Test
    void everyProblemNotJustTheFirst() {
        assertEquals(List.of(
                "many.yaml:1:1: unknown top-level key \"rulez\" (expected rules, escalations)",
                "many.yaml:4:15: rule \"a\": severity: expected one of P1, P2, P3, P4, got \"P9\"",
                "many.yaml:5:14: undefined channel \"nobody\" used in rule \"a\"",
                "many.yaml:6:15: rule \"a\": cooldown: \"5\" has no unit (use s, m, h or d, e.g. 30m)",
                "many.yaml:7:5: rules[1]: missing id",
                "many.yaml:9:5: rule \"b\": missing severity (expected one of P1, P2, P3, P4)",
                "many.yaml:10:12: rule \"b\": when: unknown condition \"story.sizee\" (expected label, negative, emotion, "
                        + "complaint, escalation.stage, escalation.channels, story.size, story.velocity1h, story.acceleration, "
                        + "story.reach, story.kols, story.mediaOrGovernment, story.predictedFinal, story.negativeShare, "
                        + "story.threats, story.filed, author.followers, author.verified, author.accountType)",
                "many.yaml:12:5: rule \"b\": give active or quiet, not both",
                "many.yaml:14:5: rules[3]: expected a mapping with id, match, when, severity, reason, notify, group, "
                        + "cooldown, for, escalate, active, quiet"),
                problems("many.yaml"));
    }

    @Test
    void notYamlAtAllStillNamesTheFileAndPlace() {
        assertEquals(List.of("not-yaml.yaml:3:18: not valid YAML: while parsing a flow sequence; expected ',' or ']', "
                + "but got <stream end>"), problems("not-yaml.yaml", "good.yaml"));
    }

    @Test
    void aDuplicateKeyIsRefusedWithTheKeyAndWhereItIsRepeated() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> new RuleLoader(Fixtures.CHANNELS, MatchCompiler.queries())
                .load(List.of(new RuleFile("dup.yaml", """
                        rules:
                          - id: r
                            match: 退款
                            severity: P2
                            notify: [agents]
                            severity: P1
                        """), new RuleFile("dup-top.yaml", "rules: []\nrules: []\n"))));
        assertEquals(List.of("dup.yaml:6:5: rules[0]: duplicate key \"severity\"",
                "dup-top.yaml:2:1: duplicate key \"rules\""), e.problems());
    }

    @Test
    void theVersionIgnoresFormattingAndKeyOrder() throws RuleFileException {
        String a = """
                rules:
                  - id: r
                    match: '退款   OR 售后'
                    when: {label: negative, story.reach: ">= 100000", author.followers: "> 10"}
                    severity: P2
                    notify: [pr-oncall, agents]
                    cooldown: 90m
                """;
        String b = """
                # the same rule, written differently
                rules:
                - severity: P2
                  cooldown: 1h30m
                  group: story
                  notify:
                    - agents
                    - pr-oncall
                  when:
                    author:
                      followers: ">10"
                    story.reach: ">=1e5"
                    label: negative
                  match: "退款 OR 售后"
                  id: r
                  for: 0s
                """;
        String c = a.replace(">= 100000", ">= 100001");
        assertEquals(version(a), version(b));
        assertNotEquals(version(a), version(c));
        assertNotEquals(version(a), version(a.replace("P2", "P3")));
    }

    private static String version(String yaml) throws RuleFileException {
        return new RuleLoader(Fixtures.CHANNELS, MatchCompiler.queries()).load(List.of(new RuleFile("v.yaml", yaml)))
                .rule("r").orElseThrow().version();
    }

    @Test
    void theBuiltinPackLoadsWithItsThreeChannels() throws RuleFileException {
        RuleSet set = new RuleLoader(BuiltinRules.CHANNELS, MatchCompiler.queries()).load(List.of(BuiltinRules.file()));
        assertEquals(7, set.rules().size());
        assertTrue(set.rules().stream().allMatch(r -> r.group() == Grouping.STORY));
        assertEquals(Set.of("agents", "pr-oncall", "supervisor"), set.rules().stream()
                .flatMap(r -> java.util.stream.Stream.concat(r.channels().stream(),
                        r.escalation().steps().stream().flatMap(s -> s.channels().stream())))
                .collect(java.util.stream.Collectors.toSet()));
    }
}
