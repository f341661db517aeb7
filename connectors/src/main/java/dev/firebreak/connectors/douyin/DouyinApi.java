package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformHttp;
import dev.firebreak.connectors.http.PlatformReply;
import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;

/**
 * Douyin calls of one feed: each spends one call of the account's budget, carries the current token
 * in the {@code access-token} header, and answers with the {@code data} object. An expired token is
 * refreshed and the call retried once.
 */
final class DouyinApi {
    private final PlatformHttp http;
    private final DouyinAuth auth;
    private final RateBudget budget;

    DouyinApi(PlatformHttp http, DouyinAuth auth, RateBudget budget) {
        this.http = http;
        this.auth = auth;
        this.budget = budget;
    }

    /** True when the account's budget has a call left (the feed should not start a poll otherwise). */
    boolean hasBudget() {
        return budget.waitFor().isZero();
    }

    java.time.Duration budgetWait() {
        return budget.waitFor();
    }

    Future<JsonNode> get(String path, Map<String, String> query) {
        return call(path, token -> http.get(path, query, Map.of("access-token", token)));
    }

    Future<JsonNode> post(String path, Map<String, String> query, JsonObject body) {
        return call(path, token -> http.postJson(path, query, Map.of("access-token", token), body));
    }

    void close() {
        http.close();
    }

    private Future<JsonNode> call(String path, Function<String, Future<PlatformReply>> send) {
        String token = auth.token();
        return attempt(path, token, send).recover(e -> {
            if (e instanceof PlatformException p && String.valueOf(DouyinErrors.EXPIRED_TOKEN).equals(p.code())) {
                // A second 2190008 right after a refresh stays REAUTH: no refresh loop.
                return auth.refresh(http, token).compose(fresh -> attempt(path, fresh, send));
            }
            return Future.failedFuture(e);
        });
    }

    private Future<JsonNode> attempt(String path, String token, Function<String, Future<PlatformReply>> send) {
        if (!budget.tryTake()) {
            return Future.failedFuture(new PlatformException(ErrorAction.PAUSE, "budget", budget.waitFor(),
                    "douyin " + path + ": the account's call budget (callsPerHour) is spent for now"));
        }
        return send.apply(token).compose(reply -> {
            try {
                return Future.succeededFuture(DouyinEnvelope.data(reply));
            } catch (PlatformException | ItemError e) {
                return Future.failedFuture(e);
            }
        });
    }
}
