package dev.firebreak.delivery;

import java.time.Duration;

/**
 * What one attempt to send came to, as a receiver reports it (it never throws).
 *
 * @param delivered  the receiver took it (2xx, and for robots an {@code errcode} of 0)
 * @param retryable  a later attempt may succeed (timeouts, 5xx, 429, a robot's rate-limit code)
 * @param gone       the endpoint says it is gone for good (HTTP 410): disable it
 * @param status     the HTTP status, or 0 when no response came
 * @param retryAfter how long the receiver asked us to wait ({@code Retry-After}), or null
 * @param error      what went wrong, for the attempt log; never holds a secret or a signed URL
 */
public record SendResult(boolean delivered, boolean retryable, boolean gone, int status, Duration retryAfter,
                         String error) {

    public static SendResult ok(int status) {
        return new SendResult(true, false, false, status, null, null);
    }

    public static SendResult retry(int status, Duration retryAfter, String error) {
        return new SendResult(false, true, false, status, retryAfter, error);
    }

    public static SendResult fail(int status, String error) {
        return new SendResult(false, false, false, status, null, error);
    }

    public static SendResult gone(int status, String error) {
        return new SendResult(false, false, true, status, null, error);
    }
}
