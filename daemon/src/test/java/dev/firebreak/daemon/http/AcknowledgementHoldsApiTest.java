package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledge an alert, then ten more mentions join its incident: the feed, the live stream's latest
 * version and the lifecycle all still say acknowledged (by whom), and the feed's figures are the story's.
 */
class AcknowledgementHoldsApiTest {
    @TempDir
    Path data;

    /** A repost of weibo:8001 by another account, {@code minute} minutes after 10:15. */
    static String repost(int n, int minute) {
        return "{\"platform\":\"weibo\",\"id\":\"81" + String.format("%02d", n) + "\",\"kind\":\"repost\","
                + "\"text\":\"转发：电暖器漏电太危险了\",\"parentId\":\"8001\",\"rootId\":\"8001\","
                + "\"createdAt\":\"2026-11-20T10:" + (15 + minute) + ":00+08:00\","
                + "\"author\":{\"id\":\"r" + n + "\",\"name\":\"网友" + n + "\",\"followers\":" + (100 + n) + ",\"verified\":false}}";
    }

    static JsonObject feedAlert(Firebreak app, String id) throws Exception {
        for (Object o : new JsonArray(Http.call(app, "GET", "/api/alerts?limit=50", null).body())) {
            JsonObject a = (JsonObject) o;
            if (a.getString("id").equals(id)) return a;
        }
        throw new AssertionError("alert " + id + " is not on the feed");
    }

    @Test
    void tenMoreMentionsNeverResetAnAcknowledgement() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            assertEquals(200, PushIngestTest.postTo(app, PushIngestTest.mention("8001",
                    "暖途电暖器N3用了一周就漏电，手被电了一下，太危险了", 300)).statusCode());
            JsonObject fired = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0);
            String id = fired.getString("id");
            assertEquals(200, Http.call(app, "POST", "/api/alerts/" + id + "/ack", "{\"by\":\"客服小王\"}").statusCode());
            long ackSeq = feedAlert(app, id).getLong("seq");

            for (int i = 1; i <= 10; i++) {
                assertEquals(200, PushIngestTest.postTo(app, repost(i, i)).statusCode());
            }

            // the feed: acknowledged by 客服小王, with the story page's figures (the held-back update is flushed by the tick)
            String storyId = fired.getString("storyId");
            JsonObject story = new JsonObject(Http.call(app, "GET", "/api/stories/" + storyId, null).body());
            assertEquals(11, story.getLong("size"), story.encode());
            JsonObject now = feedAlert(app, id);
            long deadline = System.nanoTime() + 12_000_000_000L;
            while (now.getJsonObject("story").getLong("size") != 11 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                now = feedAlert(app, id);
            }
            assertEquals(11, now.getJsonObject("story").getLong("size"), "the feed's size is the story page's: " + now.encode());
            assertTrue(now.getLong("seq") > ackSeq, "the story's growth made newer versions");
            assertEquals("acknowledged", now.getString("status"), now.encode());
            assertEquals("客服小王", now.getJsonObject("handling").getString("acknowledgedBy"));
            assertTrue(now.getString("reason").contains("事件已有 11 条"), "the reason is rendered from the current size: " + now.getString("reason"));

            // the live stream from the start: every version after the acknowledgement says so, the latest too
            List<JsonObject> versions = streamedVersions(app, id, now.getLong("seq"));
            assertFalse(versions.isEmpty());
            JsonObject latest = versions.get(versions.size() - 1);
            assertEquals(now.getLong("seq"), latest.getLong("seq"));
            for (JsonObject v : versions) {
                if (v.getLong("seq") >= ackSeq) {
                    assertEquals("acknowledged", v.getString("status"), "version " + v.getLong("seq") + ": " + v.encode());
                }
            }

            JsonObject lifecycle = new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body())
                    .getJsonObject("lifecycle");
            assertEquals("acknowledged", lifecycle.getString("state"));
            assertEquals("客服小王", lifecycle.getString("acknowledgedBy"));
            HttpResponse<String> again = Http.call(app, "POST", "/api/alerts/" + id + "/ack", "{\"by\":\"客服小李\"}");
            assertEquals(409, again.statusCode());
            assertEquals("cannot acknowledge alert " + id + ": it is already acknowledged by 客服小王",
                    new JsonObject(again.body()).getString("error"));
        }
    }

    /** This alert's versions on the SSE stream (from the start, Last-Event-ID 0), up to event {@code lastSeq}. */
    private static List<JsonObject> streamedVersions(Firebreak app, String id, long lastSeq) throws Exception {
        HttpResponse<InputStream> res = HttpClient.newHttpClient().send(Http.request(app, "/api/alerts/stream")
                .header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofInputStream());
        List<JsonObject> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            long seq = -1;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("id: ")) seq = Long.parseLong(line.substring(4).trim());
                if (line.startsWith("data: ")) {
                    JsonObject a = new JsonObject(line.substring(6));
                    if (id.equals(a.getString("id"))) out.add(a.put("seq", seq));
                    if (seq >= lastSeq) break;
                }
            }
        }
        assertNotNull(res);
        return out;
    }
}
