package dev.firebreak.daemon.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon reloads a changed rules folder; a broken one is refused and the last good rules stay. */
class RuleFolderReloadTest {
    static final String GOOD = "rules:\n  - id: refund-watch\n    match: 退款\n    severity: P3\n    notify: [agents]\n";
    static final String BROKEN = "rules:\n  - id: refund-watch\n    match: 退款\n    severity: P3\n    notify: [pr-room]\n";
    static final String CHANGED = "rules:\n  - id: refund-watch\n    match: 退款 OR 退钱\n    severity: P3\n    notify: [agents]\n";

    @TempDir
    Path data;

    private static JsonObject rules(Firebreak app) throws Exception {
        return new JsonObject(HttpClient.newHttpClient().send(
                dev.firebreak.daemon.testing.Http.request(app, "/api/rules").build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonObject waitFor(Firebreak app, java.util.function.Predicate<JsonObject> done, String what) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        Await.until(() -> {
            last.set(rules(app));
            return done.test(last.get());
        }, Duration.ofSeconds(20), () -> what + "; /api/rules last said " + last.get());
        return last.get();
    }

    private static String version(JsonObject rules) {
        return rules.getJsonArray("rules").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("id").equals("refund-watch")).findFirst().orElseThrow().getString("version");
    }

    /** A daemon whose rules folder holds {@link #GOOD}. */
    private Firebreak start(Path folder) throws Exception {
        Files.writeString(folder.resolve("refunds.yaml"), GOOD);
        FirebreakConfig config = new FirebreakConfig(data.resolve("d"), "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("push", "push", Map.of())), new AlertingConfig(folder, List.of()));
        return Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { },
                "test:" + java.util.UUID.randomUUID() + ":"));
    }

    @Test
    void aBrokenEditIsRefusedAndAFixedOneTakesOver() throws Exception {
        Path folder = Files.createDirectories(data.resolve("rules"));
        try (Firebreak app = start(folder)) {
            String first = version(rules(app));
            Files.writeString(folder.resolve("refunds.yaml"), BROKEN);
            JsonObject refused = waitFor(app, r -> !r.getJsonArray("problems").isEmpty(), "the broken edit reported");
            assertEquals(List.of("refunds.yaml:5:14: undefined channel \"pr-room\" used in rule \"refund-watch\""),
                    refused.getJsonArray("problems").getList());
            assertEquals(first, version(refused), "the last good rules stay in force");
            Files.writeString(folder.resolve("refunds.yaml"), CHANGED);
            JsonObject reloaded = waitFor(app, r -> r.getJsonArray("problems").isEmpty() && !version(r).equals(first),
                    "the fixed edit in force");
            assertTrue(reloaded.getJsonArray("problems").isEmpty());
            assertTrue(!version(reloaded).equals(first), "the fixed file is in force");
        }
    }

    private static HttpResponse<String> call(Firebreak app, String method, String path, String body) throws Exception {
        return dev.firebreak.daemon.testing.Http.call(app, method, path, body);
    }

    @Test
    void changesThroughTheApiAreCheckedKeptWithWhoAndDiffAndRolledBack() throws Exception {
        Path folder = Files.createDirectories(data.resolve("rules"));
        try (Firebreak app = start(folder)) {
            String first = version(rules(app));
            HttpResponse<String> refused = call(app, "PUT", "/api/rules/files/refunds.yaml",
                    new JsonObject().put("text", BROKEN).put("by", "admin-zhang").encode());
            assertEquals(400, refused.statusCode());
            assertEquals(List.of("refunds.yaml:5:14: undefined channel \"pr-room\" used in rule \"refund-watch\""),
                    new JsonObject(refused.body()).getJsonArray("problems").getList());
            assertEquals(GOOD, Files.readString(folder.resolve("refunds.yaml")), "nothing written");

            HttpResponse<String> changed = call(app, "PUT", "/api/rules/files/refunds.yaml",
                    new JsonObject().put("text", CHANGED).put("by", "admin-zhang").encode());
            assertEquals(200, changed.statusCode(), changed.body());
            JsonObject change = new JsonObject(changed.body());
            assertEquals(1, change.getLong("number"));
            assertEquals("admin-zhang", change.getString("by"));
            assertTrue(change.getString("diff").contains("-     match: 退款\n+     match: 退款 OR 退钱"), change.getString("diff"));
            assertTrue(!version(rules(app)).equals(first), "in force at once");

            HttpResponse<String> back = call(app, "POST", "/api/rules/changes/1/rollback",
                    new JsonObject().put("by", "admin-li").encode());
            assertEquals(200, back.statusCode(), back.body());
            assertEquals(1, new JsonObject(back.body()).getLong("rollbackOf"));
            assertEquals(GOOD, Files.readString(folder.resolve("refunds.yaml")));
            assertEquals(first, version(rules(app)));
            var history = new JsonObject(call(app, "GET", "/api/rules/changes", "").body()).getJsonArray("changes");
            assertEquals(2, history.size());
            assertEquals("admin-li", history.getJsonObject(0).getString("by"));

            // With no "by", the change is the signed-in admin's (the daemon's first user is "admin")
            HttpResponse<String> again = call(app, "PUT", "/api/rules/files/refunds.yaml",
                    new JsonObject().put("text", CHANGED).encode());
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("admin", new JsonObject(again.body()).getString("by"));
        }
    }
}
