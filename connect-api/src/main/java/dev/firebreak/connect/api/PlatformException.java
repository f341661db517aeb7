package dev.firebreak.connect.api;

import java.time.Duration;

/**
 * A poll that failed, with what to do about it (Alertmanager's "retryable?" with its error). The
 * message names the platform, the request path and the platform's own code; it never carries a token,
 * a secret or a full URL with its query string.
 */
public final class PlatformException extends Exception {
    /** The longest a quota probe waits when the platform documents no window of its own. */
    public static final Duration DEFAULT_PROBE_CAP = Duration.ofHours(1);

    private final ErrorAction action;
    private final String code;
    private final Duration retryAfter;
    private final Duration probeCap;

    public PlatformException(ErrorAction action, String code, Duration retryAfter, String message) {
        this(action, code, retryAfter, null, message);
    }

    private PlatformException(ErrorAction action, String code, Duration retryAfter, Duration probeCap, String message) {
        super(message);
        this.action = action;
        this.code = code;
        this.retryAfter = retryAfter;
        this.probeCap = probeCap;
    }

    public static PlatformException retry(String message) {
        return new PlatformException(ErrorAction.RETRY, null, null, message);
    }

    /**
     * A quota or rate limit whose window the platform does not tell (Douyin's 2190001, a 429 without
     * {@code Retry-After}): the runtime pauses the account and probes again with backoff, from about a
     * minute doubling up to {@code cap}, and resumes as soon as a probe is answered.
     */
    public static PlatformException quotaUnknownWindow(String code, Duration cap, String message) {
        return new PlatformException(ErrorAction.PAUSE, code, null, cap, message);
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

    /**
     * For a pause without {@link #retryAfter()}: the longest wait between probes (the platform's
     * documented window, else {@link #DEFAULT_PROBE_CAP}).
     */
    public Duration probeCap() {
        return probeCap != null ? probeCap : DEFAULT_PROBE_CAP;
    }
}
