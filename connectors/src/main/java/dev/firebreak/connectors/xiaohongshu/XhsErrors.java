package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.core.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformReply;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import java.time.Duration;
import java.util.Set;

/**
 * Xiaohongshu answers errors two ways: HTTP 200 with {@code success:false} and a {@code code}, or an
 * HTTP status (461/471 captcha with {@code Verifytype}/{@code Verifyuuid} headers, 401/403/429).
 * This turns a reply into its {@code data} object or the PlatformException the runtime acts on.
 * Messages name the path and the code; they never carry the token, which only travels in a header.
 */
final class XhsErrors {
    /**
     * An IP block is not a quota: it lifts after a cool-down and requests from the blocked address
     * only prolong it (so it is not probed every minute like a rate limit).
     */
    static final Duration IP_BLOCK_PAUSE = Duration.ofMinutes(30);
    private static final Set<String> NOTE_GONE = Set.of("-510000", "-510001");

    private XhsErrors() { }

    /** The {@code data} of a successful reply, or the error it is. */
    static JsonNode data(PlatformReply reply) throws PlatformException {
        checkStatus(reply);
        JsonNode body = reply.json();
        boolean ok = body.path("success").asBoolean(false) && body.path("code").asInt(0) == 0;
        if (!ok) {
            throw coded(reply, body.path("code").asText("(none)"), body.path("msg").asText(""));
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw PlatformException.retry(reply.where() + ": success without a data object");
        }
        return data;
    }

    /** Whether the error says the note was deleted or hidden: skip that note, do not retry it. */
    static boolean noteGone(PlatformException e) {
        return e.code() != null && NOTE_GONE.contains(e.code());
    }

    private static void checkStatus(PlatformReply r) throws PlatformException {
        int s = r.status();
        String where = r.where() + ": HTTP " + s;
        if (s == 461 || s == 471) {
            throw new PlatformException(ErrorAction.REAUTH, String.valueOf(s), null, where
                    + ": the source demands a captcha (Verifytype " + orNone(r.header("Verifytype")) + ", Verifyuuid "
                    + orNone(r.header("Verifyuuid")) + "); a person must clear the captcha for this account"
                    + " before polling resumes");
        }
        if (s == 401 || s == 403) {
            throw new PlatformException(ErrorAction.REAUTH, String.valueOf(s), null, where
                    + ": the access token was refused or the account is blocked; renew accessToken");
        }
        if (s == 429) {
            // Without Retry-After the window is unknown: the runtime probes again from a minute, doubling.
            Duration wait = RetryAfter.parse(r.header("Retry-After"), System.currentTimeMillis());
            throw wait == null
                    ? PlatformException.quotaUnknownWindow("429", PlatformException.DEFAULT_PROBE_CAP,
                            where + ": rate limited; pausing and probing again with backoff")
                    : new PlatformException(ErrorAction.PAUSE, "429", wait, where + ": rate limited; pausing for " + wait);
        }
        if (s == 400 || s == 404 || s == 405) {
            throw new PlatformException(ErrorAction.FATAL, String.valueOf(s), null, where
                    + ": the source does not serve this Xiaohongshu web-API path; check baseUrl");
        }
        if (s != 200) {
            throw PlatformException.retry(where + (s >= 500 ? ": server error" : ": unexpected status"));
        }
    }

    private static PlatformException coded(PlatformReply r, String code, String msg) {
        String where = r.where() + ": code " + code + (msg.isBlank() ? "" : " (" + msg + ")");
        return switch (code) {
            case "300012" -> new PlatformException(ErrorAction.PAUSE, code, IP_BLOCK_PAUSE,
                    where + ": IP blocked; pausing for " + IP_BLOCK_PAUSE);
            case "300011" -> new PlatformException(ErrorAction.REAUTH, code, null,
                    where + ": the account is under a security restriction; a person must check or switch it");
            case "-100" -> new PlatformException(ErrorAction.REAUTH, code, null,
                    where + ": login expired; renew accessToken");
            // RETRY if it escapes a per-note call (the task skips the note instead).
            case "-510000", "-510001" -> new PlatformException(ErrorAction.RETRY, code, null, where + ": note gone");
            default -> new PlatformException(ErrorAction.RETRY, code, null, where + ": unrecognised error");
        };
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }
}
