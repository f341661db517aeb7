package dev.firebreak.connect.api;

import java.time.Duration;

/**
 * A poll that failed, with what to do about it (Alertmanager's "retryable?" with its error). The
 * message names the platform, the request path and the platform's own code; it never carries a token,
 * a secret or a full URL with its query string.
 */
public final class PlatformException extends Exception {
    private final ErrorAction action;
    private final String code;
    private final Duration retryAfter;

    public PlatformException(ErrorAction action, String code, Duration retryAfter, String message) {
        super(message);
        this.action = action;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static PlatformException retry(String message) {
        return new PlatformException(ErrorAction.RETRY, null, null, message);
    }

    public ErrorAction action() {
        return action;
    }

    /** The platform's error code ({@code 21327}, {@code 2190008}), or null for network and parse faults. */
    public String code() {
        return code;
    }

    /** How long to wait before polling again, when the platform said (quota reset), else null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
