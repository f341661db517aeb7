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

/** An alert's lifecycle over HTTP: acknowledge, a refused step, resolve; each in the audit trail and on the feed. */
class AlertLifecycleApiTest {
    @TempDir
    Path data;

    private static HttpResponse<String> call(Firebreak app, String method, String path, String body) throws Exception {
        return dev.firebreak.daemon.testing.Http.call(app, method, path, body);
    }

    @Test
    void acknowledgeThenResolveWithAnAuditTrail() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            assertEquals(200, PushIngestTest.postTo(app, PushIngestTest.mention("8001",
                    "暖途电暖器N3用了一周就漏电，手被电了一下，太危险了", 300)).statusCode());
            JsonObject alert = new JsonArray(call(app, "GET", "/api/alerts?limit=5", null).body()).getJsonObject(0);
            String id = alert.getString("id");
            assertEquals("safety-complaint", alert.getString("ruleId"));

            HttpResponse<String> ack = call(app, "POST", "/api/alerts/" + id + "/ack", "{\"by\":\"客服小王\"}");
            assertEquals(200, ack.statusCode(), ack.body());
            assertEquals("acknowledged", new JsonObject(ack.body()).getString("state"));
            HttpResponse<String> again = call(app, "POST", "/api/alerts/" + id + "/ack", "{\"by\":\"客服小李\"}");
            assertEquals(409, again.statusCode());
            assertEquals("cannot acknowledge alert " + id + ": it is already acknowledged by 客服小王",
                    new JsonObject(again.body()).getString("error"));
            assertEquals(409, call(app, "POST", "/api/alerts/" + id + "/resolve", "{\"by\":\"客服小王\"}").statusCode(),
                    "a resolve needs a note");
            HttpResponse<String> resolved = call(app, "POST", "/api/alerts/" + id + "/resolve",
                    "{\"by\":\"客服小王\",\"note\":\"已退款并致歉\"}");
            assertEquals(200, resolved.statusCode(), resolved.body());

            JsonObject lifecycle = new JsonObject(call(app, "GET", "/api/alerts/" + id + "/lifecycle", null).body());
            assertEquals("resolved", lifecycle.getJsonObject("lifecycle").getString("state"));
            JsonArray audit = lifecycle.getJsonArray("audit");
            assertEquals(3, audit.size(), audit.encode());
            assertEquals("客服小王", audit.getJsonObject(1).getString("by"));
            assertEquals("已退款并致歉", audit.getJsonObject(2).getString("note"));
            assertEquals("resolved", new JsonArray(call(app, "GET", "/api/alerts?limit=5", null).body())
                    .getJsonObject(0).getString("status"), "the feed shows the alert's new status");
            assertEquals(404, call(app, "POST", "/api/alerts/nope/ack", "{\"by\":\"x\"}").statusCode());
            assertEquals(400, call(app, "POST", "/api/alerts/" + id + "/ack", "[1,2").statusCode());

            // The same history through the backtest API: the rule would have fired once, for one story.
            JsonObject backtest = new JsonObject(call(app, "POST", "/api/rules/backtest", "{\"since\":\"1d\"}").body());
            assertEquals(1, backtest.getLong("mentions"));
            JsonObject safety = backtest.getJsonArray("rules").stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("ruleId").equals("safety-complaint")).findFirst().orElseThrow();
            assertEquals(1, safety.getLong("fired"));
            assertEquals(1, safety.getJsonObject("firstAlerts").size());
            HttpResponse<String> bad = call(app, "POST", "/api/rules/backtest", "{\"since\":\"7\"}");
            assertEquals(400, bad.statusCode());
            assertEquals("since: expected a duration like 30m, 12h or 7d, got \"7\"", new JsonObject(bad.body()).getString("error"));
        }
    }
}
