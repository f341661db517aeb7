package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon with CoreNLP on: /ready waits for the models, and mentions get CoreNLP's entities after their first score. */
class AnalysisInDaemonTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path data;

    private static HttpResponse<String> get(Firebreak app, String path) throws Exception {
        return HTTP.send(dev.firebreak.daemon.testing.Http.request(app, path).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyOnceCoreNlpIsLoadedAndMentionsAreEnrichedAfterTheirFirstScore() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data, new AnalysisConfig(null, null, true, 1, 100))) {
            // While CoreNLP loads, /ready answers 503 and names it as loading; then 200.
            Await.until(() -> {
                HttpResponse<String> ready = get(app, "/ready");
                if (ready.statusCode() == 200) {
                    return true;
                }
                assertEquals(503, ready.statusCode(), ready.body());
                assertEquals("loading", new JsonObject(ready.body()).getJsonObject("checks").getString("corenlp"), ready.body());
                return false;
            }, Duration.ofMinutes(2), "/ready once CoreNLP is loaded");
            assertEquals("ready", new JsonObject(get(app, "/api/analysis").body()).getString("corenlp"));

            HttpResponse<String> pushed = PushIngestTest.postTo(app, PushIngestTest.mention("9001",
                    "上海的王小明买的暖途T7空气炸锅冒烟了，再不退款就去12315投诉", 50_000));
            assertEquals(200, pushed.statusCode(), pushed.body());
            String query = "/api/mentions?q=" + URLEncoder.encode("冒烟", StandardCharsets.UTF_8);
            AtomicReference<JsonObject> seen = new AtomicReference<>();
            Await.until(() -> {
                JsonArray hits = new JsonObject(get(app, query).body()).getJsonArray("hits");
                seen.set(hits.isEmpty() ? null : hits.getJsonObject(0).getJsonObject("analysis"));
                return seen.get() != null && seen.get().getString("model").endsWith("+corenlp-4.5.10");
            }, Duration.ofMinutes(2), () -> "the mention enriched by CoreNLP; last analysis " + seen.get());
            JsonObject analysis = seen.get();
            String entities = analysis.getJsonArray("entities").encode();
            assertTrue(entities.contains("{\"text\":\"王小明\",\"type\":\"PERSON\"}"), entities);
            assertTrue(entities.contains("{\"text\":\"暖途T7空气炸锅\",\"type\":\"PRODUCT\"}"), entities);
            assertEquals("threat", analysis.getJsonObject("escalation").getString("stage"));
        }
    }
}
