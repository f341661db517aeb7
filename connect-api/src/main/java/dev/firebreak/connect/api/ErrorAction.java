package dev.firebreak.connect.api;

/**
 * What the runtime does about a failed poll. Every platform error code maps to one of these (each
 * connector's table says which); anything unrecognised, a network fault or a body that is not the
 * JSON we expect is {@link #RETRY}.
 */
public enum ErrorAction {
    /** Transient (5xx, gateway page, truncated body, time-out, "system busy"): retry with backoff. */
    RETRY,
    /** Quota or rate limit: poll nothing on this account until the quota resets. */
    PAUSE,
    /** The token is expired or revoked and cannot be refreshed: stop the account, tell an operator. */
    REAUTH,
    /** Configuration or programming error (no permission, bad parameter): stop the feed, tell an operator. */
    FATAL
}
