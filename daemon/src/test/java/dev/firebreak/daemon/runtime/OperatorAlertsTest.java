package dev.firebreak.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.pipeline.Pipeline;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.memory.InMemoryStateStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorAlertsTest {
    private final Vertx vertx = Vertx.vertx();
    private final PipelineRunner runner = new PipelineRunner(vertx, new Pipeline(List.of(), o -> { }));
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final AlertPublisher publisher = new AlertPublisher(state);
    private static final PlatformException EXPIRED = new PlatformException(ErrorAction.REAUTH, "21327", null, "expired_token");

    @AfterEach
    void close() throws Exception {
        runner.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private boolean raise(String at, String connector, PlatformException problem) throws Exception {
        OperatorAlerts alerts = new OperatorAlerts(publisher, runner, Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
        return alerts.raise(connector, "weibo", problem).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneAlertPerConnectorProblemAndChinaDay() throws Exception {
        assertTrue(raise("2026-11-20T02:00:00Z", "weibo-main", EXPIRED));
        assertFalse(raise("2026-11-20T15:59:00Z", "weibo-main", EXPIRED), "the same day in China");
        assertTrue(raise("2026-11-20T16:00:00Z", "weibo-main", EXPIRED), "midnight in China: a new day");
        assertTrue(raise("2026-11-20T02:00:00Z", "weibo-other", EXPIRED), "another connector");
        assertTrue(raise("2026-11-20T02:00:00Z", "weibo-main",
                new PlatformException(ErrorAction.FATAL, "10014", null, "not approved")), "another problem");
        assertEquals(4, state.latestAlerts(10).toCompletableFuture().get().size());
    }
}
