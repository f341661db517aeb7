package dev.firebreak.connectors.douyin;

import dev.firebreak.core.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformReply;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import java.time.Duration;

/** Reads Douyin's {@code {"data":…,"extra":…}} envelope: the data, or the error it carries. */
final class DouyinEnvelope {
    private DouyinEnvelope() { }

    /** The {@code data} object of a successful answer. */
    static JsonNode data(PlatformReply reply) throws PlatformException, ItemError {
        if (reply.status() == 429) {
            throw rateLimited(reply);
        }
        if (reply.status() >= 500 || reply.status() == 408) {
            throw PlatformException.retry(reply.where() + ": HTTP " + reply.status());
        }
        JsonNode root;
        try {
            root = reply.json();
        } catch (PlatformException notJson) {
            if (reply.status() == 401) {
                throw new PlatformException(ErrorAction.REAUTH, "http-401", null, reply.where() + ": HTTP 401");
            }
            throw notJson;
        }
        JsonNode data = root.path("data");
        long code = errorCode(root);
        if (code != 0) {
            String description = data.path("description").asText(root.path("extra").path("description").asText(""));
            if (DouyinErrors.itemLevel(code)) {
                throw new ItemError(code, reply.where() + ": error " + code + " (" + description + "): item skipped");
            }
            throw DouyinErrors.of(reply.where(), code, description);
        }
        if (reply.status() == 401) {
            throw new PlatformException(ErrorAction.REAUTH, "http-401", null, reply.where() + ": HTTP 401");
        }
        if (reply.status() >= 400 || !data.isObject()) {
            throw new PlatformException(ErrorAction.FATAL, "http-" + reply.status(), null, reply.where() + ": HTTP "
                    + reply.status() + (data.isObject() ? "" : " without a data object") + ", not a Douyin answer");
        }
        return data;
    }

    /** {@code data.error_code}, else {@code extra.error_code} (the two mirror each other). */
    static long errorCode(JsonNode root) {
        JsonNode code = root.path("data").path("error_code");
        if (code.isMissingNode() || code.isNull()) {
            code = root.path("extra").path("error_code");
        }
        return code.asLong(0);
    }

    /** A 429 waits what {@code Retry-After} says (at least a second); without one, it is probed with backoff. */
    private static PlatformException rateLimited(PlatformReply reply) {
        String message = reply.where() + ": HTTP 429 (rate limited): " + DouyinErrors.advice(ErrorAction.PAUSE);
        Duration wait = RetryAfter.parse(reply.header("Retry-After"), System.currentTimeMillis());
        if (wait == null) {
            return PlatformException.quotaUnknownWindow("http-429", DouyinErrors.QUOTA_PROBE_CAP, message);
        }
        return new PlatformException(ErrorAction.PAUSE, "http-429",
                wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait, message);
    }
}
