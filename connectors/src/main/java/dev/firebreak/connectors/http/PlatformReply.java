package dev.firebreak.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.core.FirebreakJson;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;

/** One HTTP answer from a platform: status, headers (lower-case names) and the raw body. */
public record PlatformReply(String platform, String path, int status, Map<String, String> headers, Buffer body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The body as JSON (an object, or an array for calls such as Weibo's statuses/count), or a RETRY error saying what came instead: a gateway's HTML page, an empty
     * body, or JSON cut short by a dropped connection. A partial body is never half-used.
     */
    public JsonNode json() throws PlatformException {
        String type = header("content-type");
        if (body == null || body.length() == 0) {
            throw PlatformException.retry(where() + ": HTTP " + status + " with an empty body");
        }
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
            throw PlatformException.retry(where() + ": HTTP " + status + " returned an HTML page (a gateway or proxy error), not JSON");
        }
        try {
            JsonNode node = FirebreakJson.mapper().readTree(body.getBytes());
            if (node == null || !node.isContainerNode()) {
                throw PlatformException.retry(where() + ": HTTP " + status + " body is not a JSON object or array");
            }
            return node;
        } catch (IOException e) {
            throw PlatformException.retry(where() + ": HTTP " + status + " body is not complete JSON ("
                    + body.length() + " bytes; truncated or not JSON)");
        }
    }

    public String where() {
        return platform + " " + path;
    }
}
