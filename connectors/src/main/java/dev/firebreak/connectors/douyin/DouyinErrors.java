package dev.firebreak.connectors.douyin;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import java.time.Duration;
import java.util.Set;

/**
 * Douyin's error codes and what each means for the poller. Douyin answers errors with HTTP 200 and the
 * code in {@code data.error_code} (mirrored in {@code extra.error_code}); see connectors/docs/douyin.md.
 */
final class DouyinErrors {
    static final long EXPIRED_TOKEN = 2190008;
    /**
     * Quota windows are not published (inferred daily) and the docs say "slow down": the runtime
     * probes again from a minute, doubling up to this cap, rather than sitting out a blind hour.
     */
    static final Duration QUOTA_PROBE_CAP = PlatformException.DEFAULT_PROBE_CAP;

    private static final Set<Long> REAUTH = Set.of(2190002L, 2190008L, 10008L, 10010L, 10020L);
    private static final Set<Long> FATAL = Set.of(2190003L, 2190004L, 2190015L, 2100005L, 2100007L, 2100009L);
    private static final Set<Long> PAUSE = Set.of(2190001L);
    private static final Set<Long> ITEM_LEVEL = Set.of(2111002L, 2111003L, 2111004L, 2111007L);

    private DouyinErrors() { }

    /** Errors about one video or comment (gone, not on this video): skip the item, keep polling. */
    static boolean itemLevel(long code) {
        return ITEM_LEVEL.contains(code);
    }

    /** The action for a code; unknown codes and 2100004 (system busy) are transient. */
    static ErrorAction action(long code) {
        if (REAUTH.contains(code)) {
            return ErrorAction.REAUTH;
        }
        if (FATAL.contains(code)) {
            return ErrorAction.FATAL;
        }
        if (PAUSE.contains(code)) {
            return ErrorAction.PAUSE;
        }
        return ErrorAction.RETRY;
    }

    static PlatformException of(String where, long code, String description) {
        ErrorAction action = action(code);
        String message = where + ": error " + code + (description.isBlank() ? "" : " (" + description + ")") + ": "
                + advice(action);
        return action == ErrorAction.PAUSE ? PlatformException.quotaUnknownWindow(String.valueOf(code), QUOTA_PROBE_CAP, message)
                : new PlatformException(action, String.valueOf(code), null, message);
    }

    static String advice(ErrorAction action) {
        return switch (action) {
            case RETRY -> "transient, retrying with backoff";
            case PAUSE -> "quota or rate limit, pausing the account and probing again with backoff";
            case REAUTH -> "the account must be authorised again";
            case FATAL -> "configuration or permission problem, feed stopped";
        };
    }
}
