package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A silence mutes what it matches until it is lifted; a bad one is refused with where it is wrong. */
class SilencesApiTest {
    @TempDir
    Path data;

    private static HttpResponse<String> call(Firebreak app, String method, String path, String body) throws Exception {
        return dev.firebreak.daemon.testing.Http.call(app, method, path, body);
    }

    /** A mention posted now: silences hold in event time, from when they are made. */
    private static String now(String id, String text) {
        return PushIngestTest.mention(id, text, 300).replace("2026-11-20T10:15:00+08:00",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusSeconds(1).withNano(0).toString());
    }

    private static int alerts(Firebreak app) throws Exception {
        return new JsonArray(call(app, "GET", "/api/alerts?limit=50", null).body()).size();
    }

    @Test
    void aSilenceMutesWhatItMatchesUntilLifted() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            HttpResponse<String> bad = call(app, "POST", "/api/silences",
                    "{\"id\":\"s1\",\"match\":\"(漏电\",\"reason\":\"已知问题\",\"creator\":\"主管老李\",\"expiresIn\":\"2h\"}");
            assertEquals(400, bad.statusCode());
            assertEquals("silence \"s1\": match: column 4: expected \")\" to close \"(\" at column 1",
                    new JsonObject(bad.body()).getString("error"));
            assertEquals(400, call(app, "POST", "/api/silences",
                    "{\"match\":\"漏电\",\"reason\":\"x\",\"creator\":\"y\",\"expiresIn\":\"2\"}").statusCode());

            HttpResponse<String> made = call(app, "POST", "/api/silences",
                    "{\"id\":\"s1\",\"match\":\"漏电\",\"reason\":\"已知批次问题，正在召回\",\"creator\":\"主管老李\",\"expiresIn\":\"2h\"}");
            assertEquals(201, made.statusCode(), made.body());
            assertEquals(200, PushIngestTest.postTo(app, now("9101", "暖途电暖器N3漏电，手被电了一下，太危险了")).statusCode());
            assertEquals(0, alerts(app), "silenced");
            assertEquals(1, new JsonObject(call(app, "GET", "/api/silences", null).body()).getJsonArray("silences").size());

            assertEquals(204, call(app, "DELETE", "/api/silences/s1", null).statusCode());
            assertEquals(404, call(app, "DELETE", "/api/silences/s1", null).statusCode());
            assertEquals(200, PushIngestTest.postTo(app, now("9102", "买的暖途加湿器H2底座漏电，插上就跳闸，吓死人了")).statusCode());
            assertEquals(1, alerts(app), "lifted: a new safety complaint alerts again");
        }
    }
}
