package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.webhook.WebhookSigner;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom P1 rule with its own webhook and the built-in {@code safety-complaint} match the same mention:
 * one alert, both webhooks hear of it, each once per version; the backtest and {@code GET /api/rules} count
 * one rule as owning it and the other as joining it.
 */
class EveryRuleHeardWebhookTest {
    static final String CUSTOM = """
            rules:
              - id: fire-or-smoke
                match: '起火 OR 冒烟'
                severity: P1
                reason: {zh: "起火或冒烟：{author}"}
                notify: [fire-hook]
            """;

    @TempDir
    Path data;
    @TempDir
    Path rules;

    @Test
    void bothRulesChannelsReceiveTheOneAlertOncePerVersion() throws Exception {
        Files.writeString(rules.resolve("custom.yaml"), CUSTOM);
        try (FakeWebhookServer pr = new FakeWebhookServer(); FakeWebhookServer fire = new FakeWebhookServer()) {
            List<ChannelConfig> channels = List.of(
                    new ChannelConfig("pr-oncall", "webhook", pr.url(), List.of(WebhookSigner.newSecret()), List.of(), Integer.MAX_VALUE, true),
                    new ChannelConfig("fire-hook", "webhook", fire.url(), List.of(WebhookSigner.newSecret()), List.of(), Integer.MAX_VALUE, true));
            FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(),
                    List.of(new ConnectorConfig("push", "push", Map.of())),
                    new AlertingConfig(rules, List.of("pr-oncall", "fire-hook"), channels), AnalysisConfig.FIRST_SCORES_ONLY);
            try (Firebreak app = Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, "test:" + UUID.randomUUID() + ":"))) {
                assertEquals(200, PushIngestTest.postTo(app, PushIngestTest.mention("9101",
                        "暖途T7空气炸锅用着用着冒烟了，差点起火，太危险了", 300)).statusCode());
                JsonObject alert = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0);
                String id = alert.getString("id");
                assertEquals("safety-complaint", alert.getString("ruleId"), "the built-in rule came first: " + alert.encode());
                assertEquals(List.of("safety-complaint", "fire-or-smoke"), ruleIds(alert));

                pr.await(r -> !alerts(r).isEmpty(), "pr-oncall hears of it");
                fire.await(r -> !alerts(r).isEmpty(), "fire-hook hears of it (the custom rule joined, it was not silenced)");
                for (FakeWebhookServer receiver : List.of(pr, fire)) {
                    List<JsonObject> got = alerts(receiver.requests);
                    assertEquals(Set.of(id), ids(got), "one alert id for both rules");
                    assertEquals(1, got.size(), "the fire reaches each channel once: " + got);
                }

                // the story grows by a quarter: one new version, once to each
                assertEquals(200, PushIngestTest.postTo(app, "{\"platform\":\"weibo\",\"id\":\"9102\",\"kind\":\"repost\","
                        + "\"text\":\"转发：冒烟了\",\"parentId\":\"9101\",\"rootId\":\"9101\","
                        + "\"createdAt\":\"2026-11-20T10:20:00+08:00\","
                        + "\"author\":{\"id\":\"77\",\"name\":\"网友\",\"followers\":10,\"verified\":false}}").statusCode());
                pr.await(r -> alerts(r).size() >= 2, "the update to pr-oncall");
                fire.await(r -> alerts(r).size() >= 2, "the update to fire-hook");
                Thread.sleep(500);
                for (FakeWebhookServer receiver : List.of(pr, fire)) {
                    List<String> messageIds = receiver.requests.stream().map(FakeWebhookServer.Request::id).toList();
                    assertEquals(messageIds.size(), new HashSet<>(messageIds).size(), "no version sent twice: " + messageIds);
                    assertEquals(Set.of(id), ids(alerts(receiver.requests)));
                }

                JsonObject backtest = new JsonObject(Http.call(app, "POST", "/api/rules/backtest", "{\"since\":\"1d\"}").body());
                JsonObject safety = rule(backtest.getJsonArray("rules"), "ruleId", "safety-complaint");
                JsonObject custom = rule(backtest.getJsonArray("rules"), "ruleId", "fire-or-smoke");
                assertEquals(1, safety.getLong("owned"), safety.encode());
                assertEquals(0, safety.getLong("joined"));
                assertEquals(0, custom.getLong("owned"), custom.encode());
                assertEquals(1, custom.getLong("joined"));
                assertEquals(2, custom.getLong("matched"), "both mentions say 冒烟");

                JsonArray live = new JsonObject(Http.call(app, "GET", "/api/rules", null).body()).getJsonArray("rules");
                JsonObject liveCustom = rule(live, "id", "fire-or-smoke").getJsonObject("counts");
                assertEquals(1, liveCustom.getLong("joined"), liveCustom.encode());
                assertEquals(0, liveCustom.getLong("owned"));
                assertEquals(1, rule(live, "id", "safety-complaint").getJsonObject("counts").getLong("owned"));
            }
        }
    }

    private static JsonObject rule(JsonArray list, String field, String id) {
        return list.stream().map(JsonObject.class::cast).filter(r -> id.equals(r.getString(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + id + " in " + list.encode()));
    }

    private static List<String> ruleIds(JsonObject alert) {
        return alert.getJsonArray("rules").stream().map(r -> ((JsonObject) r).getString("ruleId")).toList();
    }

    private static Set<String> ids(List<JsonObject> alerts) {
        Set<String> out = new HashSet<>();
        alerts.forEach(a -> out.add(a.getString("id")));
        return out;
    }

    /** The alert versions in the requests answered 2xx (single messages or digests). */
    static List<JsonObject> alerts(List<FakeWebhookServer.Request> requests) {
        List<JsonObject> out = new ArrayList<>();
        for (FakeWebhookServer.Request r : requests) {
            if (r.answered() / 100 != 2) continue;
            JsonObject data = r.body().getJsonObject("data");
            if ("alert.digest".equals(r.body().getString("type"))) {
                data.getJsonArray("messages").forEach(m -> out.add(((JsonObject) m).getJsonObject("data")));
            } else {
                out.add(data);
            }
        }
        assertTrue(out.stream().allMatch(a -> a.getString("id") != null));
        return out;
    }
}
