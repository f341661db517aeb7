package dev.firebreak.connectors.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.core.InvalidMentionException;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushConnectorTest {
    static final String ONE = "{\"platform\":\"xiaohongshu\",\"id\":\"65a1b2c3d4e5f60718293a4b\",\"kind\":\"note\","
            + "\"text\":\"暖途加湿器H2避雷\",\"createdAt\":\"2026-11-20T10:15:00+08:00\",\"author\":{\"id\":\"x\"}}";

    @Test
    void acceptsOneMentionOrAnArray() throws Exception {
        PushConnector push = new PushConnector();
        assertEquals(1, push.decode(Buffer.buffer(ONE)).size());
        assertEquals(2, push.decode(Buffer.buffer("[" + ONE + "," + ONE.replace("4b\"", "4c\"") + "]")).size());
    }

    @Test
    void refusesWhatItCannotTakeAndSaysWhy() throws Exception {
        PushConnector push = (PushConnector) ConnectorTypes.create(new ConnectorConfig("p", "push", Map.of("maxBodyBytes", 100)));
        assertEquals("body is " + ONE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes; the limit is 100",
                error(push, Buffer.buffer(ONE)));
        PushConnector big = new PushConnector();
        assertEquals("empty array: nothing to ingest", error(big, Buffer.buffer("[]")));
        assertEquals("body is not UTF-8 text", error(big, Buffer.buffer(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})));
        assertEquals("expected a JSON object, got string", error(big, Buffer.buffer("\"hello\"")));
    }

    static String error(PushConnector push, Buffer body) {
        return assertThrows(InvalidMentionException.class, () -> push.decode(body)).getMessage();
    }
}
