package dev.firebreak.daemon.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo, rebased to the first start, is stopped mid-way and started again on the same data:
 * every story's risk and every alert's escalation level are as before the restart. The stream is cut
 * after {@link #CUT} lines so that nothing new arrives while the two states are compared; a third start
 * with the rest of the demo appended shows the rest keeps the first start's offset.
 *
 * <p>Risk fades on the wall clock live, so a risk after the restart may be lower than before by at most
 * the fading the wall-clock time between the two readings allows ({@code 1 - e^(-elapsed / 12 h)},
 * relative: about 2e-4 for 10 s) and never higher; levels are compared exactly.
 */
class DemoRestartTest {
    static final int CUT = 45;
    static final String RULE = """
            rules:
              - id: restart-negative
                when: {label: negative}
                severity: P2
                reason: "负面：{author}"
                notify: [agents]
                escalate: [{after: 1s, notify: [supervisor]}, {after: 2s, notify: [supervisor]}, {after: 1h, notify: [supervisor]}]
            """;

    @TempDir
    Path tmp;

    @Test
    void aRestartMidDemoKeepsEveryRiskAndEveryEscalationLevel() throws Exception {
        List<String> demo = demoLines();
        Path stream = tmp.resolve("demo.jsonl");
        Files.write(stream, demo.subList(0, CUT), StandardCharsets.UTF_8);
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("restart.yaml"), RULE);
        Path data = tmp.resolve("data");
        String namespace = "test:" + java.util.UUID.randomUUID() + ":";
        FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("demo", "replay", Map.of("path", stream.toString(), "speed", "2000",
                        "rebase", "first-start"))),
                new AlertingConfig(rules, List.of()), AnalysisConfig.FIRST_SCORES_ONLY);
        Firebreak.Options options = new Firebreak.Options(true, List.of(), p -> { }, namespace);

        Instant firstStart = Instant.now();
        State before;
        OffsetDateTime first;
        try (Firebreak app = Firebreak.start(config, options)) {
            Await.until(() -> fetched(app) == CUT, Duration.ofSeconds(30), "the first part of the demo to play");
            Await.until(() -> allEscalatedAsFarAsDue(app), Duration.ofSeconds(20), "every alert to reach level 2");
            before = State.read(app);
            first = createdAt(app, demo.get(0));
            // The first poll comes some seconds into the start (the exact instant: ReplayRebaseTest).
            Instant polledBy = Instant.now();
            assertTrue(!first.toInstant().isBefore(firstStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                            && !first.toInstant().isAfter(polledBy),
                    "the demo's first mention lands at the first start (" + firstStart + " .. " + polledBy + "), not at " + first);
        }
        Duration shift = Duration.between(original(demo.get(0)), first);
        assertFalse(before.risks.isEmpty(), "the demo made stories");
        assertTrue(before.levels.values().stream().anyMatch(l -> l == 2), "some alert escalated: " + before.levels);
        assertTrue(before.levels.values().stream().noneMatch(l -> l > 2),
                "live escalation waits for the real timeout (the 1 h step and the built-in 15 m step are not due): " + before.levels);

        State after;
        try (Firebreak app = Firebreak.start(config, options)) {
            after = State.read(app);
        }
        assertEquals(before.levels, after.levels, "every alert's escalation level holds across the restart");
        assertEquals(before.ranked, after.ranked, "GET /api/stories?sort=risk lists the same stories in the same order");
        // The most wall-clock time that can lie between a story's two readings.
        double elapsedHours = Duration.between(before.from, after.to).toMillis() / 3_600_000.0;
        double tolerance = 1 - Math.exp(-elapsedHours / 12) + 1e-9;
        for (var e : before.risks.entrySet()) {
            double was = e.getValue();
            double now = after.risks.get(e.getKey());
            assertTrue(was > 0, "story " + e.getKey() + " has a risk before the restart");
            assertTrue(now <= was * (1 + 1e-12) && was - now <= was * tolerance,
                    "story " + e.getKey() + ": risk " + was + " before the restart, " + now + " after");
        }

        // The rest of the demo, played after the restart, keeps the first start's shift; what was played keeps its time.
        Files.write(stream, demo.subList(CUT, demo.size()), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (Firebreak app = Firebreak.start(config, options)) {
            Await.until(() -> fetched(app) == demo.size() - CUT, Duration.ofSeconds(30), "the rest of the demo to play");
            assertEquals(first, createdAt(app, demo.get(0)), "a restart never re-times what was played");
            String later = demo.get(demo.size() - 1);
            assertEquals(original(later).plus(shift).toInstant(), createdAt(app, later).toInstant(),
                    "the demo's last mention moved by the first start's shift");
        }
    }

    /** Story risks (from each story's own page, checked against the list) and alert levels at one moment. */
    record State(Instant from, Instant to, List<String> ranked, Map<String, Double> risks, Map<String, Integer> levels) {
        static State read(Firebreak app) throws Exception {
            Instant from = Instant.now();
            JsonArray stories = json(app, "/api/stories?sort=risk&limit=200").getJsonArray("stories");
            List<String> ranked = new ArrayList<>();
            Map<String, Double> risks = new LinkedHashMap<>();
            for (int i = 0; i < stories.size(); i++) {
                String id = stories.getJsonObject(i).getString("id");
                ranked.add(id);
                risks.put(id, json(app, "/api/stories/" + id).getDouble("risk"));
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (String id : alertRules(app).keySet()) {
                levels.put(id, json(app, "/api/alerts/" + id + "/lifecycle").getJsonObject("lifecycle").getInteger("escalationLevel"));
            }
            return new State(from, Instant.now(), ranked, risks, levels);
        }
    }

    private static boolean allEscalatedAsFarAsDue(Firebreak app) throws Exception {
        Map<String, String> rules = alertRules(app);
        if (!rules.containsValue("restart-negative")) return false;
        for (var e : rules.entrySet()) {
            if (!e.getValue().equals("restart-negative")) continue;
            JsonObject l = json(app, "/api/alerts/" + e.getKey() + "/lifecycle").getJsonObject("lifecycle");
            if (l.getInteger("escalationLevel") < 2) return false;
        }
        return true;
    }

    /** Each alert on the feed (its id) and the rule that raised it. */
    private static Map<String, String> alertRules(Firebreak app) throws Exception {
        JsonArray alerts = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=1000", null).body());
        Map<String, String> rules = new java.util.TreeMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            JsonObject a = alerts.getJsonObject(i);
            rules.putIfAbsent(a.getString("id"), a.getString("ruleId"));
        }
        return rules;
    }

    private static OffsetDateTime createdAt(Firebreak app, String line) throws Exception {
        JsonObject m = new JsonObject(line);
        String key = m.getString("platform") + ":" + m.getString("id");
        JsonArray hits = json(app, "/api/mentions?q=&limit=200").getJsonArray("hits");
        for (int i = 0; i < hits.size(); i++) {
            JsonObject hit = hits.getJsonObject(i);
            JsonObject mention = hit.getJsonObject("mention", hit);
            if (key.equals(mention.getString("platform") + ":" + mention.getString("id"))) {
                return OffsetDateTime.parse(mention.getString("createdAt"));
            }
        }
        throw new AssertionError(key + " is not in the index: " + hits.encode());
    }

    private static OffsetDateTime original(String line) {
        return OffsetDateTime.parse(new JsonObject(line).getString("createdAt"));
    }

    private static long fetched(Firebreak app) {
        return app.runtime().status().stream().filter(s -> s.connector().equals("demo"))
                .mapToLong(s -> s.mentionsFetched()).sum();
    }

    private static JsonObject json(Firebreak app, String path) throws Exception {
        var r = Http.call(app, "GET", path, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new JsonObject(r.body());
    }

    private static List<String> demoLines() throws Exception {
        try (InputStream in = DemoRestartTest.class.getResourceAsStream("/demo/mentions.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
