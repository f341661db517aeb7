package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.ChromiumScript;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real headless Chromium (Debian's, driven by playwright-core from deploy/test-tools;
 * script {@code src/test/node/console.mjs}, run by {@link ChromiumScript}): an alert raised by a
 * replayed stream is on the feed within 2 s of the POST, is acknowledged and resolved from the page, the
 * story view draws its three charts, search draws its histogram, and the English switch works.
 * Screenshots stay in {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final Path SHOTS = ChromiumScript.SHOTS;

    @TempDir
    Path data;

    @Test
    void anAlertReachesTheFeedInTwoSecondsAndIsWorkedFromThePage() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            // A running daemon is warm: one quiet mention first, so the measure is not of class loading and
            // the index's first commit (cold, under load on this machine, that alone took up to 1.3 s).
            assertEquals(200, PushIngestTest.postTo(app, PushIngestTest.mention("9000",
                    "有没有人用过暖途加湿器H2？卧室二十平左右，不知道够不够用", 320)).statusCode());
            JsonObject result = drive(app);
            long feedMillis = result.getLong("feedMillis");
            System.out.println("console: alert on the feed " + feedMillis + " ms after the POST (the POST itself took "
                    + result.getLong("ingestMillis") + " ms)");
            assertTrue(feedMillis <= 2000, "the alert reached the feed " + feedMillis + " ms after the POST");
            assertEquals("实时", result.getString("connText"), "the page shows it is connected");

            String id = result.getString("alertId");
            JsonObject lifecycle = new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body());
            assertEquals("resolved", lifecycle.getJsonObject("lifecycle").getString("state"));
            assertEquals("已联系用户，安排上门检测并退款", lifecycle.getJsonObject("lifecycle").getString("resolution"));
            List<String> steps = lifecycle.getJsonArray("audit").stream().map(a -> ((JsonObject) a).getString("action")
                    + " by " + ((JsonObject) a).getString("by")).toList();
            // Only people's steps: the escalation timer may add its own (firebreak), depending on timing.
            assertEquals(List.of("acknowledge by 客服小王", "resolve by 客服小王"),
                    steps.stream().filter(s -> !s.endsWith("by firebreak")).toList(), steps.toString());
            assertEquals("解决告警需要填写处理说明", result.getString("emptyNoteMessage"));
            if (result.getString("snoozedId") != null) {
                JsonObject snoozed = new JsonObject(Http.call(app, "GET", "/api/alerts/" + result.getString("snoozedId")
                        + "/lifecycle", null).body()).getJsonObject("lifecycle");
                assertTrue(snoozed.containsKey("snoozedUntil"), snoozed.encode());
            }

            for (Object c : result.getJsonArray("charts")) {
                JsonObject chart = (JsonObject) c;
                assertTrue(chart.getInteger("points") > 0, "chart without data: " + chart);
                assertTrue(chart.getInteger("inked") > 500, "blank canvas: " + chart);
            }
            assertEquals(10, result.getInteger("storyMentions"), "the T7 story's mentions, in order");
            assertEquals(1, result.getInteger("kolMarks"), "the one author with 1.28M followers is marked");
            assertTrue(result.getInteger("histogramPoints") > 0, result.encode());
            assertTrue(result.getString("searchTotal").matches("共 [1-9]\\d* 条"), result.getString("searchTotal"));
            assertEquals(new JsonArray()
                    .add(new JsonObject().putNull("href").put("text", "javascript:alert(1)"))
                    .add(new JsonObject().putNull("href").put("text", " JaVaScRiPt:alert(2)"))
                    .add(new JsonObject().putNull("href").put("text", "data:text/html,<script>alert(3)</script>"))
                    .add(new JsonObject().put("href", "https://weibo.com/1/ok").putNull("text")),
                    result.getJsonArray("mentionLinks"), "only http(s) urls become links; the others are shown as text");
            assertEquals(new JsonArray(), result.getJsonArray("nonWebHrefs"), "no javascript:, data: or other link on the page");
            assertEquals("Alerts", result.getString("englishNav"));
            assertEquals("Connectors", result.getString("englishHeading"));
            assertEquals("Live alerts", result.getString("englishFeedTitle"));
            assertEquals(new JsonArray(), result.getJsonArray("pageErrors"), "no script errors on the page");
            assertEquals(new JsonArray(), result.getJsonArray("offsiteRequests"), "the page fetches nothing from elsewhere");
            for (String shot : List.of("1-feed", "2-after-resolve", "3-story", "4-search", "5-status-en", "6-feed-en")) {
                assertTrue(Files.size(SHOTS.resolve(shot + ".png")) > 10_000, shot + " screenshot");
            }
        }
    }

    private JsonObject drive(Firebreak app) throws IOException, InterruptedException {
        return ChromiumScript.run("console.mjs", "http://127.0.0.1:" + app.httpPort(), Map.of(
                "FB_DATA", data.toAbsolutePath().toString(),
                "FB_MENTIONS", Path.of("src/test/resources/console/t7-smoke.jsonl").toAbsolutePath().toString()));
    }
}
