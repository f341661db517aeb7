package dev.firebreak.connectors.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the fake platform answers: status, headers and body bytes. */
public record FakeResponse(int status, Map<String, String> headers, byte[] body) {
    public static FakeResponse json(int status, String json) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json;charset=UTF-8"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
