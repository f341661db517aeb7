package dev.firebreak.daemon.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.state.redis.testing.RedisProxy;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis stops under a running daemon: /ready and the API answer 503 "Redis is down" at once, and recover. */
class RedisOutageTest {
    /** The issue asks for an answer within 1 s; the bound leaves room for a loaded test machine. */
    private static final long BOUND_MILLIS = 1_500;

    @TempDir
    Path data;

    private record Timed(HttpResponse<String> response, long millis) { }

    private static Timed timed(Http.Call call) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = call.send();
        return new Timed(r, (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void readyAndApiCallsAnswer503WithinASecondDuringAnOutageAndRecoverAfter() throws Exception {
        try (RedisProxy redis = new RedisProxy(TestRedis.uri())) {
            FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, redis.uri(),
                    List.of(new ConnectorConfig("push", "push", Map.of())), AlertingConfig.BUILTIN, AnalysisConfig.FIRST_SCORES_ONLY);
            try (Firebreak app = Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { },
                    "test:" + UUID.randomUUID() + ":"))) {
                assertEquals(200, Http.callAs(app, null, "GET", "/ready", null).statusCode());
                assertEquals(200, Http.call(app, "GET", "/api/me", null).statusCode());

                redis.stop();
                Await.until(() -> {
                    Timed ready = timed(() -> Http.callAs(app, null, "GET", "/ready", null));
                    assertTrue(ready.millis() < BOUND_MILLIS, "/ready took " + ready.millis() + " ms");
                    return ready.response().statusCode() == 503 && new JsonObject(ready.response().body())
                            .getJsonObject("checks").getString("redis").startsWith("Redis is down");
                }, Duration.ofSeconds(5), "/ready to say 503 Redis is down");
                Timed api = timed(() -> Http.call(app, "GET", "/api/me", null));
                assertEquals(503, api.response().statusCode(), api.response().body());
                assertTrue(api.response().body().contains("Redis is down"), api.response().body());
                assertTrue(api.millis() < BOUND_MILLIS, "the API call took " + api.millis() + " ms");

                redis.start();
                Await.until(() -> Http.callAs(app, null, "GET", "/ready", null).statusCode() == 200,
                        Duration.ofSeconds(10), "/ready to recover once Redis is back");
                assertEquals(200, Http.call(app, "GET", "/api/me", null).statusCode());
            }
        }
    }
}
