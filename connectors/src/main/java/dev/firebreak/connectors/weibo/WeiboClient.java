package dev.firebreak.connectors.weibo;

import dev.firebreak.core.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformHttp;
import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authenticated calls to Weibo API v2 for one task. The token travels as the {@code access_token}
 * parameter, as the API documents; errors and logs show only the path. When Weibo says the quota is
 * used up, it asks {@code account/rate_limit_status} when the quota resets and pauses until then.
 */
final class WeiboClient {
    private static final ZoneId CHINA = ChinaTime.ZONE;

    private final PlatformHttp http;
    private final String token;
    private final RateBudget budget;

    WeiboClient(Vertx vertx, WeiboSettings settings) {
        this.http = new PlatformHttp(vertx, "weibo", settings.baseUrl(), settings.timeout());
        this.token = settings.accessToken();
        this.budget = settings.budget();
    }

    /** True if the account's call budget has a call left; the caller waits {@link #budgetWait()} if not. */
    boolean takeCall() {
        return budget.tryTake();
    }

    Duration budgetWait() {
        return budget.waitFor();
    }

    Future<JsonNode> get(String path, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("access_token", token);
        return http.get(path, query, Map.of()).compose(reply -> {
            try {
                return Future.succeededFuture(WeiboErrors.check(reply));
            } catch (PlatformException e) {
                return e.action() == ErrorAction.PAUSE ? pauseUntilReset(e) : Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> pauseUntilReset(PlatformException quota) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("access_token", token);
        return http.get("/2/account/rate_limit_status.json", query, Map.of())
                .map(reply -> {
                    try {
                        long secs = WeiboErrors.check(reply).path("reset_time_in_seconds").asLong(-1);
                        return secs > 0 ? Duration.ofSeconds(secs + 5) : untilNextHour();
                    } catch (PlatformException e) {
                        return untilNextHour();
                    }
                })
                .otherwise(err -> untilNextHour())
                .compose(wait -> Future.failedFuture(new PlatformException(ErrorAction.PAUSE, quota.code(), wait,
                        quota.getMessage() + " (resets in " + wait.toMinutes() + " min)")));
    }

    /** Weibo's quotas are hourly: without a better answer, the next hour in China time. */
    private static Duration untilNextHour() {
        ZonedDateTime now = ZonedDateTime.now(CHINA);
        return Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plusHours(1)).plusSeconds(30);
    }

    void close() {
        http.close();
    }
}
