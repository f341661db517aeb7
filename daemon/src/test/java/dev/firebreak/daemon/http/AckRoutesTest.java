package dev.firebreak.daemon.http;

import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.ack.AckPage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acknowledge link of a robot message, against a real daemon: the page, the acknowledge, refusals. */
class AckRoutesTest {
    @TempDir
    Path data;

    private static final String MENTION = "{\"platform\":\"weibo\",\"id\":\"9001\",\"kind\":\"post\","
            + "\"text\":\"暖途电暖器N3用了一周就漏电，手被电了一下，太危险了\",\"createdAt\":\"2026-11-20T10:15:00+08:00\","
            + "\"author\":{\"id\":\"42\",\"name\":\"维权的小王\",\"followers\":300,\"verified\":false}}";

    @Test
    void aValidLinkShowsTheAlertAndAcknowledgesItOnce() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            assertEquals(200, Http.call(app, "POST", "/api/ingest", MENTION).statusCode());
            JsonObject alert = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0);
            String id = alert.getString("id");
            String token = app.ackLinks().token(id);

            HttpResponse<String> page = Http.call(app, "GET", "/ack/" + token, null);
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<code id=\"alert-id\">" + AckPage.esc(id) + "</code>"), page.body());
            assertTrue(page.body().contains(AckPage.esc(alert.getString("reason"))), page.body());
            assertTrue(page.body().contains("确认 Acknowledge"));

            HttpResponse<String> noName = Http.call(app, "POST", "/api/ack/" + token, "{}");
            assertEquals(400, noName.statusCode());
            assertEquals("by: say who acknowledges the alert", new JsonObject(noName.body()).getString("error"));

            HttpResponse<String> ack = Http.call(app, "POST", "/api/ack/" + token, "{\"by\":\"公关小李\"}");
            assertEquals(200, ack.statusCode(), ack.body());
            JsonObject lifecycle = new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body())
                    .getJsonObject("lifecycle");
            assertEquals("acknowledged", lifecycle.getString("state"));
            assertEquals("公关小李", lifecycle.getString("acknowledgedBy"));
            String after = Http.call(app, "GET", "/ack/" + token, null).body();
            assertTrue(after.contains("此告警已由 公关小李 确认，无需再次确认。"), after);
            assertTrue(!after.contains("<form"), "no form once acknowledged: " + after);

            HttpResponse<String> again = Http.call(app, "POST", "/api/ack/" + token, "{\"by\":\"公关小张\"}");
            assertEquals(409, again.statusCode());
            assertEquals("cannot acknowledge alert " + id + ": it is already acknowledged by 公关小李",
                    new JsonObject(again.body()).getString("error"));
        }
    }

    @Test
    void tamperedAndExpiredLinksAre403SayingWhich() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            assertEquals(200, Http.call(app, "POST", "/api/ingest", MENTION).statusCode());
            String id = new JsonArray(Http.call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0).getString("id");
            String[] parts = app.ackLinks().token(id).split("\\.");
            String tampered = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];
            // The daemon's own key, kept in its data directory, with a clock two days back: a link made then.
            AckLinks yesterday = new AckLinks(Files.readAllBytes(data.resolve("ack.key")), "http://x",
                    Duration.ofHours(24), Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC));
            String expired = yesterday.token(id);

            HttpResponse<String> t = Http.call(app, "POST", "/api/ack/" + tampered, "{\"by\":\"x\"}");
            assertEquals(403, t.statusCode());
            assertEquals("tampered", new JsonObject(t.body()).getString("reason"));
            assertEquals("this link was altered or was not made by this Firebreak: its signature does not match",
                    new JsonObject(t.body()).getString("error"));
            HttpResponse<String> e = Http.call(app, "POST", "/api/ack/" + expired, "{\"by\":\"x\"}");
            assertEquals(403, e.statusCode());
            assertEquals("expired", new JsonObject(e.body()).getString("reason"));
            assertTrue(new JsonObject(e.body()).getString("error").startsWith("this link expired at "), e.body());
            HttpResponse<String> page = Http.call(app, "GET", "/ack/" + expired, null);
            assertEquals(403, page.statusCode());
            assertTrue(page.body().contains("链接已过期"), page.body());

            assertEquals("open", new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body())
                    .getJsonObject("lifecycle").getString("state"), "neither link acknowledged anything");
        }
    }
}
