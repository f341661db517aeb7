package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformHttp;
import dev.firebreak.connectors.http.PlatformReply;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The account's user token, shared by all its feeds. When Douyin says it expired (2190008) the first
 * feed to notice refreshes it through {@code /oauth/refresh_token/}; feeds noticing meanwhile wait
 * for that same refresh instead of spending the refresh token twice.
 */
final class DouyinAuth {
    static final String REFRESH_PATH = "/oauth/refresh_token/";

    private final String clientKey;
    private volatile String accessToken;
    private volatile String refreshToken;
    private Future<String> refreshing;

    DouyinAuth(String clientKey, String accessToken, String refreshToken) {
        this.clientKey = clientKey;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    String token() {
        return accessToken;
    }

    /**
     * A token newer than {@code stale}: the current one if someone already refreshed, else a refreshed
     * one. Fails with REAUTH when there is no refresh token or Douyin refuses it, RETRY when the
     * refresh itself met a transient fault.
     */
    synchronized Future<String> refresh(PlatformHttp http, String stale) {
        if (!stale.equals(accessToken)) {
            return Future.succeededFuture(accessToken);
        }
        if (refreshing != null) {
            return refreshing;
        }
        String rt = refreshToken;
        if (rt == null || rt.isBlank()) {
            return Future.failedFuture(new PlatformException(ErrorAction.REAUTH, String.valueOf(DouyinErrors.EXPIRED_TOKEN),
                    null, "douyin: access token expired (2190008) and no refreshToken is configured: "
                    + DouyinErrors.advice(ErrorAction.REAUTH)));
        }
        // In the body, never the URL: URLs end up in logs and proxies.
        JsonObject body = new JsonObject().put("client_key", clientKey).put("grant_type", "refresh_token")
                .put("refresh_token", rt);
        Future<String> f = http.postJson(REFRESH_PATH, Map.of(), Map.of(), body).compose(this::accept);
        refreshing = f;
        f.onComplete(x -> clearRefreshing());
        return f;
    }

    private synchronized void clearRefreshing() {
        refreshing = null;
    }

    private Future<String> accept(PlatformReply reply) {
        try {
            if (reply.status() >= 500) {
                throw PlatformException.retry(reply.where() + ": HTTP " + reply.status() + " while refreshing the token");
            }
            JsonNode root = reply.json();
            long code = DouyinEnvelope.errorCode(root);
            JsonNode data = root.path("data");
            if (code != 0) {
                // Only a busy or rate-limited OAuth endpoint is worth another try; any refusal means re-grant.
                ErrorAction a = DouyinErrors.action(code);
                ErrorAction action = a == ErrorAction.RETRY || a == ErrorAction.PAUSE ? a : ErrorAction.REAUTH;
                String message = reply.where() + ": token refresh refused with error " + code + " ("
                        + data.path("description").asText("") + "): " + DouyinErrors.advice(action);
                throw action == ErrorAction.PAUSE
                        ? PlatformException.quotaUnknownWindow(String.valueOf(code), DouyinErrors.QUOTA_PROBE_CAP, message)
                        : new PlatformException(action, String.valueOf(code), null, message);
            }
            String token = data.path("access_token").asText("");
            if (token.isBlank()) {
                throw new PlatformException(ErrorAction.REAUTH, null, null, reply.where() + ": HTTP " + reply.status()
                        + ", token refresh answered without an access token: " + DouyinErrors.advice(ErrorAction.REAUTH));
            }
            accessToken = token;
            String renewed = data.path("refresh_token").asText("");
            if (!renewed.isBlank()) {
                refreshToken = renewed;
            }
            return Future.succeededFuture(token);
        } catch (PlatformException e) {
            return Future.failedFuture(e);
        }
    }
}
