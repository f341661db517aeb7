package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.ChromiumScript;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in headless Chromium (script {@code src/test/node/ack-holds.mjs}): acknowledge an alert on its
 * card, ten more mentions join its incident, and the card still says 已确认 with 确认人 客服小王 (not 未处理).
 */
class AcknowledgementHoldsBrowserTest {
    @TempDir
    Path data;

    @Test
    void theCardStaysAcknowledgedWhenTheIncidentGrows() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            JsonArray more = new JsonArray();
            for (int i = 1; i <= 10; i++) more.add(new JsonObject(AcknowledgementHoldsApiTest.repost(i, i)));
            JsonObject result = ChromiumScript.run("ack-holds.mjs", "http://127.0.0.1:" + app.httpPort(), Map.of(
                    "FB_DATA", data.toAbsolutePath().toString(),
                    "FB_FIRST", PushIngestTest.mention("8001", "暖途电暖器N3用了一周就漏电，手被电了一下，太危险了", 300),
                    "FB_MORE", more.encode()));
            assertEquals("acknowledged", result.getString("status"), result.encode());
            assertEquals("已确认", result.getString("statusChip"));
            assertEquals(List.of("确认人 客服小王"), result.getJsonArray("people").getList());
            assertFalse(result.getBoolean("ackButton"), "no 确认 button on an acknowledged card");
            assertEquals(new JsonArray(), result.getJsonArray("pageErrors"));
        }
    }
}
