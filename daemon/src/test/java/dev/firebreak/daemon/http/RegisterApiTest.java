package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 12315/12345 register over the bundled demo stream: the posts whose first score reads a threat to go
 * to, or a filing with, a hotline are listed (not a question about what 12315 is, nor an order number
 * 12315678), with their incident, alert and its state; as JSON and as CSV; bad parameters are a 400.
 * The first score also reads the consumer-rights blogger's advice (协商无果可以拨打12315投诉) as a threat,
 * so it is listed too: the register keeps what the analysis says, an operator can tell it apart.
 */
class RegisterApiTest {
    static final List<String> DEMO_LINES = List.of("weibo:4890213377248887", "weibo:4890213381718199",
            "weibo:4890213421737030", "weibo:4890213508106824");

    @TempDir
    static Path data;
    static Firebreak app;

    @BeforeAll
    static void replayTheDemo() throws Exception {
        Path file = data.resolve("mentions.jsonl");
        try (InputStream in = RegisterApiTest.class.getResourceAsStream("/demo/mentions.jsonl")) {
            Files.copy(in, file);
        }
        FirebreakConfig config = new FirebreakConfig(data.resolve("d"), "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("demo", "replay", Map.of("path", file.toString(), "speed", "max"))),
                AlertingConfig.BUILTIN);
        app = Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, "test:" + java.util.UUID.randomUUID() + ":"));
        app.runtime().allFinished().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static List<JsonObject> entries(String query) throws Exception {
        HttpResponse<String> r = Http.call(app, "GET", "/api/register" + query, null);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getJsonArray("entries").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void theDemosHotlineComplaintsAreListedWithTheirIncidentAndAlert() throws Exception {
        List<JsonObject> all = entries("");
        assertEquals(DEMO_LINES,
                all.stream().map(e -> e.getString("mentionId")).toList());
        JsonObject threat = all.get(0);
        assertEquals("threat", threat.getString("stage"));
        assertEquals(List.of("12315"), threat.getJsonArray("channels").getList());
        assertEquals("吃土少女阿文", threat.getString("author"));
        assertEquals("weibo", threat.getString("platform"));
        assertEquals("2026-11-20T10:12:26+08:00", threat.getString("time"));
        assertTrue(threat.getString("excerpt").startsWith("再不退款我就去12315投诉了"), threat.getString("excerpt"));
        assertEquals("weibo:4890213377248887", threat.getString("storyId"));
        assertTrue(threat.getString("alertId") != null, "the alert raised on its incident: " + threat);
        assertEquals("open", threat.getString("alertState"));
        JsonObject filed = all.get(2);
        assertEquals("filed", filed.getString("stage"));
        assertEquals(List.of("12315", "12345"), filed.getJsonArray("channels").getList());

        assertEquals(List.of("weibo:4890213421737030"), entries("?channel=12345").stream()
                .map(e -> e.getString("mentionId")).toList());
        assertEquals(List.of("weibo:4890213381718199", "weibo:4890213421737030"),
                entries("?from=2026-11-20T10:13:00%2B08:00&to=2026-11-20T02:30:00Z&channel=12315").stream()
                        .map(e -> e.getString("mentionId")).toList());
        assertEquals(DEMO_LINES, entries("?from=2026-11-20&to=2026-11-20").stream().map(e -> e.getString("mentionId")).toList(),
                "dates are whole days in China time");
        assertEquals(List.of(), entries("?to=2026-11-20T02:12:00Z"), "before the first hotline post");
    }

    @Test
    void theCsvExportHasTheSameLines() throws Exception {
        HttpResponse<String> r = Http.call(app, "GET", "/api/register.csv", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader(r.body().substring(1))).getRecords();
        assertEquals(DEMO_LINES,
                rows.stream().map(x -> x.get("mentionId")).toList());
        assertEquals("吃土少女阿文", rows.get(0).get("author"));
        assertEquals('\uFEFF', r.body().charAt(0), "a BOM, so spreadsheets read the Chinese as UTF-8");
    }

    @Test
    void badParametersSayWhichAndWhy() throws Exception {
        HttpResponse<String> r = Http.call(app, "GET", "/api/register?channel=110", null);
        assertEquals(400, r.statusCode());
        assertEquals("channel: expected 12315 or 12345, got \"110\"", new JsonObject(r.body()).getString("error"));
        r = Http.call(app, "GET", "/api/register.csv?from=yesterday", null);
        assertEquals(400, r.statusCode());
        assertEquals("from: expected a date like 2026-11-20 or a time like 2026-11-20T10:00:00+08:00, got \"yesterday\"",
                new JsonObject(r.body()).getString("error"));
        r = Http.call(app, "GET", "/api/register?from=2026-11-21&to=2026-11-20", null);
        assertEquals(400, r.statusCode());
        assertEquals("from: must be before to", new JsonObject(r.body()).getString("error"));
    }
}
