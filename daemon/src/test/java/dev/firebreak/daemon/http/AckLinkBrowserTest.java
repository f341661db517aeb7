package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.ChromiumScript;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A robot message's acknowledge link followed in headless Chromium with no console sign-in (a fresh
 * profile, no cookies; script {@code src/test/node/ack.mjs}): the page shows the alert's reason, a typed
 * name acknowledges it, the same link followed again says who did, and a link with one character changed
 * is refused and acknowledges nothing. Screenshots {@code 7-ack-link-phone.png} (the form at a phone's
 * width), {@code 7-ack-link.png} and {@code 8-ack-link-refused.png} stay in target/console-screenshots.
 */
class AckLinkBrowserTest {
    private static final String HEATER = "{\"platform\":\"weibo\",\"id\":\"9101\",\"kind\":\"post\","
            + "\"text\":\"暖途电暖器N3用了一周就漏电，手被电了一下，太危险了\",\"createdAt\":\"2026-11-20T10:15:00+08:00\","
            + "\"author\":{\"id\":\"42\",\"name\":\"维权的小王\",\"followers\":300,\"verified\":false}}";
    private static final String HUMIDIFIER = "{\"platform\":\"weibo\",\"id\":\"9102\",\"kind\":\"post\","
            + "\"text\":\"暖途加湿器H2昨晚突然冒烟起火，差点烧了卧室，必须退款\",\"createdAt\":\"2026-11-20T11:40:00+08:00\","
            + "\"author\":{\"id\":\"43\",\"name\":\"气愤的李女士\",\"followers\":800,\"verified\":false}}";

    @TempDir
    Path data;

    @Test
    void aLinkAcknowledgesWithoutSignInAndATamperedOneIsRefused() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            assertEquals(200, Http.call(app, "POST", "/api/ingest", "[" + HEATER + "," + HUMIDIFIER + "]").statusCode());
            JsonArray alerts = new JsonArray(new JsonArray(Http.call(app, "GET", "/api/alerts?limit=50", null).body()).stream()
                    .filter(a -> !((JsonObject) a).getString("ruleId").startsWith("service-clock")).toList());   // clocks breached in event time
            assertEquals(2, alerts.size(), "one alert per complaint: " + alerts.encode());
            JsonObject acked = alerts.getJsonObject(0);
            String other = alerts.getJsonObject(1).getString("id");
            String consoleBase = app.ackLinks().consoleBase();
            String link = app.ackLinks().url(acked.getString("id"));
            assertTrue(link.startsWith(consoleBase + "/ack/"), link);
            // The daemon listens on a port picked at start: the link names that port, not the configured 0
            assertEquals("http://127.0.0.1:" + app.httpPort(), consoleBase);
            String tampered = oneCharacterChanged(app.ackLinks().url(other).substring(consoleBase.length()));

            JsonObject seen = ChromiumScript.run("ack.mjs", consoleBase, Map.of(
                    "FB_ACK_PATH", link.substring(consoleBase.length()), "FB_TAMPERED_PATH", tampered,
                    "FB_ACK_BY", "值班的小陈"));

            assertEquals(0, seen.getInteger("cookiesBefore"), "a fresh browser, not signed in to the console");
            assertEquals(200, seen.getInteger("pageStatus"));
            assertEquals("确认告警 · Acknowledge alert", seen.getString("title"));
            assertEquals(acked.getString("reason"), seen.getString("reason"));
            assertEquals("firing", seen.getString("statusBefore"));
            assertEquals("done", seen.getString("resultState"), seen.encode());
            assertEquals("✓ 已确认，确认人：值班的小陈 · Acknowledged by 值班的小陈", seen.getString("resultText"));
            assertFalse(seen.getBoolean("formVisibleAfter"), "the form goes once the alert is acknowledged");
            JsonObject lifecycle = lifecycle(app, acked.getString("id"));
            assertEquals("acknowledged", lifecycle.getString("state"));
            assertEquals("值班的小陈", lifecycle.getString("acknowledgedBy"));

            assertEquals("already", seen.getString("againState"), "the same link followed again");
            assertEquals("此告警已由 值班的小陈 确认，无需再次确认。 Already acknowledged by 值班的小陈.", seen.getString("againText"));
            assertFalse(seen.getBoolean("againHasForm"), "nothing left to submit");

            assertEquals(403, seen.getInteger("refusedStatus"));
            assertEquals("tampered", seen.getString("refusalReason"));
            assertEquals("链接已被修改或并非本系统签发，无法使用。This link was altered or was not made by this Firebreak: "
                    + "its signature does not match.", seen.getString("refusalText"));
            assertFalse(seen.getBoolean("refusedHasForm"), "a refused link offers nothing to submit");
            assertEquals("open", lifecycle(app, other).getString("state"), "the tampered link acknowledged nothing");

            assertEquals(0, seen.getInteger("cookiesAfter"), "neither page signs anyone in");
            assertEquals(new JsonArray(), seen.getJsonArray("pageErrors"), "no script errors on the pages");
            assertEquals(new JsonArray(), seen.getJsonArray("offsiteRequests"), "the pages fetch nothing from elsewhere");
            for (String shot : List.of("7-ack-link-phone", "7-ack-link", "8-ack-link-refused")) {
                assertTrue(Files.size(ChromiumScript.SHOTS.resolve(shot + ".png")) > 10_000, shot + " screenshot");
            }
        }
    }

    /** The link with one character of its signature's middle changed (the last one may carry only padding bits). */
    private static String oneCharacterChanged(String path) {
        int at = path.lastIndexOf('.') + 10;
        char swapped = path.charAt(at) == 'A' ? 'B' : 'A';
        String changed = path.substring(0, at) + swapped + path.substring(at + 1);
        assertNotEquals(path, changed);
        return changed;
    }

    private static JsonObject lifecycle(Firebreak app, String id) throws Exception {
        return new JsonObject(Http.call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body()).getJsonObject("lifecycle");
    }
}
