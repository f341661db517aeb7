package dev.firebreak.connectors.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformReply;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import java.util.Set;

/**
 * Weibo's error table (API v2). Errors arrive as {@code {"error","error_code","request"}} with a 4xx
 * status that varies, so the action is keyed on {@code error_code}; a body that is not JSON (a
 * gateway page, a cut-off response) is transient.
 */
final class WeiboErrors {
    static final Set<Integer> TRANSIENT = Set.of(10001, 10002, 10003, 10009, 10011);
    static final Set<Integer> QUOTA = Set.of(10022, 10023, 10024);
    static final Set<Integer> AUTH = Set.of(21301, 21314, 21315, 21316, 21317, 21319, 21327, 21332);
    static final Set<Integer> CONFIG = Set.of(10004, 10005, 10006, 10008, 10014, 10016, 10017, 10020, 10021, 21335);
    /** The post or comment is gone (deleted, censored): skip it, never retry. */
    static final Set<Integer> ITEM_GONE = Set.of(20003, 20101, 20201);

    private WeiboErrors() { }

    /** The body of a successful call, or the PlatformException its error code calls for. */
    static JsonNode check(PlatformReply reply) throws PlatformException {
        JsonNode body = reply.json();
        JsonNode code = body.get("error_code");
        if (code == null || code.isNull()) {
            if (reply.status() >= 400) {
                throw PlatformException.retry(reply.where() + ": HTTP " + reply.status() + " without an error code");
            }
            return body;
        }
        int n = code.isNumber() ? code.asInt() : parse(code.asText());
        String what = reply.where() + ": Weibo error " + n + " (" + body.path("error").asText("") + ")";
        ErrorAction action = action(n);
        String advice = switch (action) {
            case RETRY -> "";
            case PAUSE -> ": hourly quota used up, pausing this account until it resets";
            case REAUTH -> ": the access token no longer works; re-authorise the account and update accessToken";
            case FATAL -> ": the app lacks permission or the request is wrong; fix the configuration";
        };
        throw new PlatformException(action, String.valueOf(n), null, what + advice);
    }

    static ErrorAction action(int code) {
        if (QUOTA.contains(code)) {
            return ErrorAction.PAUSE;
        }
        if (AUTH.contains(code)) {
            return ErrorAction.REAUTH;
        }
        if (CONFIG.contains(code) || ITEM_GONE.contains(code)) {
            return ErrorAction.FATAL;
        }
        return ErrorAction.RETRY; // TRANSIENT, and codes we do not know: back off and try again
    }

    static boolean itemGone(PlatformException e) {
        try {
            return e.code() != null && ITEM_GONE.contains(Integer.parseInt(e.code()));
        } catch (NumberFormatException x) {
            return false;
        }
    }

    /**
     * A followed post whose reposts cannot be read: gone, or (21335) not the token owner's own post,
     * which ordinary apps may not read the repost timeline of. Drop the post, not the feed.
     */
    static boolean unfollowable(PlatformException e) {
        return itemGone(e) || "21335".equals(e.code());
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
