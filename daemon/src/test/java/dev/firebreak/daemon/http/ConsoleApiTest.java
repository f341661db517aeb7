package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The APIs the console needs beyond the feed: snooze, lifecycles in one call, a story's mentions with
 * KOLs and escalation highlights, search filters and the volume histogram, and the page's own files.
 * One daemon, fed eleven mentions of the demo's T7 smoke story and a 12315 threat.
 */
class ConsoleApiTest {
    @TempDir
    static Path data;
    private static Firebreak app;
    private static List<JsonObject> alerts;

    @BeforeAll
    static void start() throws Exception {
        app = TestDaemon.pushOnly(data);
        String body = "[" + String.join(",", Files.readAllLines(Path.of("src/test/resources/console/t7-smoke.jsonl"),
                StandardCharsets.UTF_8)) + "]";
        HttpResponse<String> ingest = PushIngestTest.postTo(app, body);
        assertEquals(200, ingest.statusCode(), ingest.body());
        alerts = new JsonArray(get("/api/alerts?limit=50").body()).stream().map(JsonObject.class::cast).toList();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return Http.call(app, "GET", path, null);
    }

    private static JsonObject alertOf(String ruleId) {
        return alerts.stream().filter(a -> a.getString("ruleId").equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " alert in " + alerts));
    }

    @Test
    void snoozeIsALifecycleStepWithItsAuditEntryAndClearErrors() throws Exception {
        String id = alertOf("regulator-threat").getString("id");
        Instant before = Instant.now();
        HttpResponse<String> snoozed = Http.call(app, "POST", "/api/alerts/" + id + "/snooze", "{\"for\":\"4h\",\"by\":\"客服小王\"}");
        assertEquals(200, snoozed.statusCode(), snoozed.body());
        JsonObject l = new JsonObject(snoozed.body());
        assertEquals("open", l.getString("state"), "a snooze keeps the state");
        Instant until = Instant.parse(l.getString("snoozedUntil"));
        assertTrue(!until.isBefore(before.plus(Duration.ofHours(4))) && until.isBefore(Instant.now().plus(Duration.ofHours(4)).plusSeconds(1)),
                "snoozed for 4 h from now: " + until);

        JsonObject stored = new JsonObject(get("/api/alerts/" + id + "/lifecycle").body());
        JsonObject audit = stored.getJsonArray("audit").getJsonObject(stored.getJsonArray("audit").size() - 1);
        assertEquals("snooze", audit.getString("action"));
        assertEquals("客服小王", audit.getString("by"));
        assertEquals("until " + until, audit.getString("note"));

        JsonObject batch = new JsonObject(get("/api/alerts/lifecycles?ids=" + id + ",nope").body()).getJsonObject("lifecycles");
        assertEquals(until.toString(), batch.getJsonObject(id).getString("snoozedUntil"));
        assertFalse(batch.containsKey("nope"), "unknown ids are left out");

        assertError(Http.call(app, "POST", "/api/alerts/" + id + "/snooze", "{\"for\":\"4 hours\",\"by\":\"x\"}"), 400,
                "for: expected a duration like 1h, 4h or 24h, got \"4 hours\"");
        assertError(Http.call(app, "POST", "/api/alerts/" + id + "/snooze", "{\"for\":\"8d\",\"by\":\"x\"}"), 400,
                "for: a snooze lasts from 1m to 7d, got \"8d\"");
        assertError(Http.call(app, "POST", "/api/alerts/" + id + "/snooze", "{\"for\":\"1h\",\"by\":\" \"}"), 409,
                "cannot snooze alert " + id + ": say who snoozes it");
        // With no name in the body the step is the caller's (here the daemon's first user, admin).
        assertEquals(200, Http.call(app, "POST", "/api/alerts/" + id + "/snooze", "{\"for\":\"1h\"}").statusCode());
        JsonArray trail = new JsonObject(get("/api/alerts/" + id + "/lifecycle").body()).getJsonArray("audit");
        assertEquals("admin", trail.getJsonObject(trail.size() - 1).getString("by"), trail.encode());
        assertEquals(200, Http.call(app, "POST", "/api/alerts/" + id + "/ack", "{\"by\":\"客服小李\"}").statusCode());
        JsonObject acked = new JsonObject(get("/api/alerts/" + id + "/lifecycle").body()).getJsonObject("lifecycle");
        assertFalse(acked.containsKey("snoozedUntil"), "acknowledging ends the snooze: " + acked);
        assertEquals(200, Http.call(app, "POST", "/api/alerts/" + id + "/resolve", "{\"by\":\"客服小李\",\"note\":\"已回电\"}").statusCode());
        assertError(Http.call(app, "POST", "/api/alerts/" + id + "/snooze", "{\"for\":\"1h\",\"by\":\"x\"}"), 409,
                "cannot snooze alert " + id + ": it is resolved");
    }

    @Test
    void aStorysMentionsComeInOrderWithKolsAndEscalationPhrasesMarked() throws Exception {
        String story = alertOf("safety-complaint").getString("storyId");
        JsonArray mentions = new JsonObject(get("/api/stories/" + story + "/mentions").body()).getJsonArray("mentions");
        List<String> times = mentions.stream().map(m -> ((JsonObject) m).getJsonObject("mention").getString("createdAt")).toList();
        assertEquals(times.stream().sorted().toList(), times, "event order");
        assertEquals(10, mentions.size(), "the T7 post and its nine reposts and comments");
        List<String> kols = mentions.stream().map(JsonObject.class::cast).filter(m -> m.getBoolean("kol"))
                .map(m -> m.getJsonObject("mention").getJsonObject("author").getString("name")).toList();
        assertEquals(1, kols.size(), "only the 1.28M-follower author is a KOL: " + kols);

        String threatStory = alertOf("regulator-threat").getString("storyId");
        JsonObject threat = new JsonObject(get("/api/stories/" + threatStory + "/mentions").body())
                .getJsonArray("mentions").getJsonObject(0);
        assertEquals(List.of("12315", "投诉"), threat.getJsonArray("highlights").getList().stream().sorted().toList());
        assertEquals(404, get("/api/stories/no-such-story/mentions").statusCode());
    }

    @Test
    void searchFiltersByWhatTheAnalysisReadAndCountsVolumeOverTime() throws Exception {
        JsonObject all = new JsonObject(get("/api/mentions?limit=100").body());
        assertEquals(11, all.getLong("total"));
        JsonObject negative = new JsonObject(get("/api/mentions?sentiment=negative&limit=100").body());
        assertTrue(negative.getLong("total") > 0 && negative.getLong("total") < 11, negative.encode());
        negative.getJsonArray("hits").forEach(h -> assertEquals("negative",
                ((JsonObject) h).getJsonObject("analysis").getString("label")));
        JsonObject safety = new JsonObject(get("/api/mentions?complaint=safety&q=" + enc("冒烟") + "&limit=100").body());
        assertTrue(safety.getLong("total") > 0, safety.encode());
        safety.getJsonArray("hits").forEach(h -> {
            JsonObject m = (JsonObject) h;
            assertTrue(m.getJsonObject("analysis").getJsonArray("complaint").contains("safety"), m.encode());
            assertTrue(m.getJsonObject("mention").getString("text").contains("冒烟"), m.encode());
        });
        String emotion = negative.getJsonArray("hits").getJsonObject(0).getJsonObject("analysis").getString("emotion");
        JsonObject byEmotion = new JsonObject(get("/api/mentions?emotion=" + emotion + "&limit=100").body());
        assertTrue(byEmotion.getLong("total") > 0);
        byEmotion.getJsonArray("hits").forEach(h -> assertEquals(emotion,
                ((JsonObject) h).getJsonObject("analysis").getString("emotion")));
        assertEquals(0, new JsonObject(get("/api/mentions?platform=douyin").body()).getLong("total"));

        JsonObject histogram = new JsonObject(get("/api/mentions/histogram?buckets=4").body());
        assertEquals(4, histogram.getJsonArray("counts").size());
        assertEquals(11L, histogram.getJsonArray("counts").stream().mapToLong(n -> ((Number) n).longValue()).sum());
        String from = "2026-11-20T10:00:00%2B08:00", to = "2026-11-20T10:10:00%2B08:00";
        JsonObject window = new JsonObject(get("/api/mentions/histogram?buckets=10&from=" + from + "&to=" + to
                + "&sentiment=negative").body());
        long inWindow = new JsonObject(get("/api/mentions?sentiment=negative&from=" + from + "&to=" + to).body()).getLong("total");
        assertEquals(Instant.parse("2026-11-20T02:00:00Z").toEpochMilli(), window.getLong("from"));
        assertEquals(60_000L, window.getLong("width"), "ten minutes in ten buckets");
        assertEquals(inWindow, window.getJsonArray("counts").stream().mapToLong(n -> ((Number) n).longValue()).sum());

        assertError(get("/api/mentions?sentiment=bad"), 400, "sentiment: unknown label \"bad\" (expected negative, neutral, positive)");
        assertError(get("/api/mentions/histogram?from=yesterday"), 400,
                "from: expected a time like 2026-11-20T10:00:00+08:00, got \"yesterday\"");
        assertError(get("/api/mentions/histogram?q=" + enc("退款 AND")), 400, "column 4: nothing after AND");
    }

    @Test
    void thePageAndItsChartsComeFromTheDaemonItself() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/assets/echarts.min.js") && page.body().contains("/console/app.js"));
        assertFalse(page.body().matches("(?s).*https?://.*"), "the page fetches nothing from the internet");
        HttpResponse<String> echarts = get("/assets/echarts.min.js");
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.body().length() > 500_000 && echarts.body().contains("echarts"));
        for (String file : List.of("app.js", "feed.js", "card.js", "story.js", "search.js", "status.js", "i18n.js", "api.js",
                "dom.js", "app.css")) {
            HttpResponse<String> r = get("/console/" + file);
            assertEquals(200, r.statusCode(), file);
            assertFalse(r.body().contains("http://") || r.body().contains("https://"), file + " fetches nothing from the internet");
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertError(HttpResponse<String> r, int status, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(message, new JsonObject(r.body()).getString("error"));
    }
}
