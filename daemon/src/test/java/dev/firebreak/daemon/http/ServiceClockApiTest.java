package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert's service clocks over HTTP: on the feed and at /clocks when it fires; a person's replied step
 * (with its 400s) meets the first-reply clock and is in the audit trail with the clock's own entry.
 */
class ServiceClockApiTest {
    static final String LINK = "https://weibo.com/5968130293/4890213999999999";

    @TempDir
    Path data;

    /** A safety complaint happening now (live: event time is the wall clock). */
    static String complaintNow(String id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"post\",\"text\":\"暖途电暖器N3用了一周就漏电，手被电了一下，太危险了\","
                + "\"createdAt\":\"" + now + "\",\"author\":{\"id\":\"42\",\"name\":\"维权的小王\",\"followers\":300,\"verified\":false}}";
    }

    private static Map<String, JsonObject> byKind(JsonArray clocks) {
        return clocks.stream().map(JsonObject.class::cast).collect(Collectors.toMap(c -> c.getString("kind"), c -> c));
    }

    @Test
    void clocksStartWhenItFiresAndARepliedStepMeetsTheFirstReplyClock() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            assertEquals(200, PushIngestTest.postTo(app, complaintNow("8101")).statusCode());
            JsonObject alert = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0);
            String id = alert.getString("id");
            assertEquals("P1", alert.getString("severity"));
            Map<String, JsonObject> onFeed = byKind(alert.getJsonArray("clocks"));
            assertEquals(List.of("pending", "pending", "pending"), List.of(onFeed.get("acknowledge").getString("status"),
                    onFeed.get("firstReply").getString("status"), onFeed.get("supervisor").getString("status")), onFeed.toString());
            // Live, the clocks start when the alert reached people (recorded), not at the post's own time.
            OffsetDateTime fired = OffsetDateTime.parse(alert.getString("firedAt"));
            java.time.Instant started = java.time.Instant.parse(onFeed.get("firstReply").getString("deadline")).minusSeconds(3600);
            assertTrue(!started.isBefore(fired.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    && !started.isAfter(java.time.Instant.now()), "first reply clock started at " + started + ", fired " + fired);
            assertEquals(started.plusSeconds(1800).toString(), onFeed.get("acknowledge").getString("deadline"));

            HttpResponse<String> r = Http.call(app, "POST", "/api/alerts/" + id + "/replied", "{\"by\":\"客服小王\",\"link\":\"ftp://x/1\"}");
            assertEquals(400, r.statusCode());
            assertEquals("link: expected an http or https address of the reply, got \"ftp://x/1\"",
                    new JsonObject(r.body()).getString("error"));
            r = Http.call(app, "POST", "/api/alerts/" + id + "/replied", "{\"by\":\"客服小王\"}");
            assertEquals(400, r.statusCode());
            assertEquals("link: say where the reply is (an http or https address)", new JsonObject(r.body()).getString("error"));
            r = Http.call(app, "POST", "/api/alerts/" + id + "/replied", "{\"by\":\"客服小王\",\"link\":\"javascript:alert(1)\"}");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(400, Http.call(app, "POST", "/api/alerts/" + id + "/replied", "{\"link\":").statusCode());
            assertEquals(404, Http.call(app, "POST", "/api/alerts/nope/replied", "{\"by\":\"x\",\"link\":\"" + LINK + "\"}")
                    .statusCode());
            assertEquals("pending", byKind(new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/clocks", null).body())
                    .getJsonArray("clocks")).get("firstReply").getString("status"), "a refused step changes nothing");

            r = Http.call(app, "POST", "/api/alerts/" + id + "/replied", "{\"by\":\"客服小王\",\"link\":\"" + LINK + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            JsonObject reply = byKind(new JsonObject(r.body()).getJsonArray("clocks")).get("firstReply");
            assertEquals("met", reply.getString("status"), reply.encode());
            assertEquals("replied by 客服小王: " + LINK, reply.getString("metBy"));

            JsonObject clocks = new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/clocks", null).body());
            assertEquals(id, clocks.getString("alertId"));
            assertEquals("met", byKind(clocks.getJsonArray("clocks")).get("firstReply").getString("status"));
            assertEquals("pending", byKind(clocks.getJsonArray("clocks")).get("acknowledge").getString("status"));
            assertEquals("met", byKind(new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0)
                    .getJsonArray("clocks")).get("firstReply").getString("status"), "the feed card's clocks");
            assertEquals("firing", new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0)
                    .getString("status"), "a reply changes no status");

            JsonObject lifecycle = new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body());
            assertEquals("open", lifecycle.getJsonObject("lifecycle").getString("state"));
            List<JsonObject> audit = lifecycle.getJsonArray("audit").stream().map(JsonObject.class::cast).toList();
            assertEquals(List.of("open", "replied", "clock"), audit.stream().map(e -> e.getString("action")).toList());
            assertEquals(LINK, audit.get(1).getString("note"));
            assertEquals("客服小王", audit.get(1).getString("by"));
            assertTrue(audit.get(2).getString("note").startsWith("firstReply met at "), audit.get(2).encode());
            assertEquals(404, Http.call(app, "GET", "/api/alerts/nope/clocks", null).statusCode());
        }
    }

    @Test
    void aRestartKeepsTheClocks() throws Exception {
        String namespace = "test:" + java.util.UUID.randomUUID() + ":";
        String id;
        try (Firebreak app = TestDaemon.pushOnly(data, dev.firebreak.daemon.config.AnalysisConfig.FIRST_SCORES_ONLY, namespace)) {
            assertEquals(200, PushIngestTest.postTo(app, complaintNow("8201")).statusCode());
            id = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0).getString("id");
            assertEquals(200, Http.call(app, "POST", "/api/alerts/" + id + "/replied",
                    "{\"by\":\"客服小王\",\"link\":\"" + LINK + "\"}").statusCode());
        }
        try (Firebreak app = TestDaemon.pushOnly(data, dev.firebreak.daemon.config.AnalysisConfig.FIRST_SCORES_ONLY, namespace)) {
            Map<String, JsonObject> clocks = byKind(new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/clocks", null)
                    .body()).getJsonArray("clocks"));
            assertEquals("met", clocks.get("firstReply").getString("status"));
            assertEquals("pending", clocks.get("acknowledge").getString("status"));
        }
    }
}
