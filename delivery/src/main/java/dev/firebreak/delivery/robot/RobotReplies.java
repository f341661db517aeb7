package dev.firebreak.delivery.robot;

import dev.firebreak.delivery.SendResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * How a robot platform answers and what it means for a retry. Robots answer HTTP 200 with an error
 * code in the body: only code 0 is delivered. Rate-limit codes are retryable after the platform's
 * wait; a bad key, signature or message is not (a retry would fail the same way).
 *
 * @param codeField   the body's code field ({@code errcode}, or {@code code} for Feishu)
 * @param messageField the body's message field
 * @param rateLimited codes that mean "too fast", with how long to wait
 * @param retryable   other codes worth a retry (the platform is busy)
 * @param meanings    what known fatal codes mean, for the attempt log
 */
public record RobotReplies(String platform, String codeField, String messageField, Map<Integer, Duration> rateLimited,
                           java.util.Set<Integer> retryable, Map<Integer, String> meanings) {

    public SendResult map(HttpResponse<Buffer> response, RobotEndpoint endpoint) {
        int status = response.statusCode();
        if (status == 410) return SendResult.gone(status, platform + " says the robot is gone (HTTP 410)");
        if (status == 429) return SendResult.retry(status, retryAfter(response.getHeader("Retry-After")),
                platform + " answered HTTP 429 (too many requests)");
        if (status >= 500) return SendResult.retry(status, null, platform + " answered HTTP " + status);
        if (status < 200 || status >= 300) {
            return SendResult.fail(status, platform + " answered HTTP " + status + " for " + endpoint.masked());
        }
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !(body.getValue(codeField) instanceof Number)) {
            return SendResult.fail(status, platform + " answered HTTP " + status + " without a " + codeField
                    + ": not a robot webhook? (" + endpoint.masked() + ")");
        }
        int code = body.getInteger(codeField);
        if (code == 0) return SendResult.ok(status);
        String said = endpoint.scrub(body.getString(messageField, ""));
        String error = platform + " " + codeField + " " + code + (meanings.containsKey(code) ? " (" + meanings.get(code) + ")" : "")
                + (said.isEmpty() ? "" : ": " + said);
        if (rateLimited.containsKey(code)) return SendResult.retry(status, rateLimited.get(code), error);
        if (retryable.contains(code)) return SendResult.retry(status, null, error);
        return SendResult.fail(status, error);
    }

    /** No answer at all (connection refused, time-out): always worth a retry. */
    public SendResult noAnswer(Throwable failure, RobotEndpoint endpoint) {
        String what = failure instanceof java.util.concurrent.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout") ? "no answer within 10 s"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return SendResult.retry(0, null, platform + " " + endpoint.masked() + ": " + endpoint.scrub(what));
    }

    static Duration retryAfter(String header) {
        if (header != null && header.strip().matches("\\d{1,6}")) return Duration.ofSeconds(Long.parseLong(header.strip()));
        return Duration.ofSeconds(60);
    }
}
