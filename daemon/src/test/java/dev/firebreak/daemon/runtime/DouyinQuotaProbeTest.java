package dev.firebreak.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.connectors.testing.FakePlatformServer;
import dev.firebreak.connectors.testing.Fixtures;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.pipeline.Pipeline;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.testing.Await;
import dev.firebreak.store.memory.InMemoryStateStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Douyin's quota error 2190001 against the fake platform on a simulated clock: the account is probed
 * again after 1, 2, 4, 8 minutes (not sat out for a blind hour), {@code pausedUntil} is always the next
 * probe, a sibling feed waits with it, and the first answered probe resumes polling.
 */
class DouyinQuotaProbeTest {
    private static final String VIDEOS = "/api/douyin/v1/video/video_list/";
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    private final ManualFeedTimer.SimulatedClock clock = new ManualFeedTimer.SimulatedClock(T0);
    private final InMemoryStateStore state = new InMemoryStateStore();
    private Vertx vertx;
    private FakePlatformServer fake;
    private PipelineRunner runner;
    private FeedServices services;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        fake = FakePlatformServer.start(vertx);
        fake.route("GET", VIDEOS, r -> Fixtures.response("douyin",
                "0".equals(r.q("cursor")) ? "video_list_page1.json" : "video_list_empty.json"));
        runner = new PipelineRunner(vertx, new Pipeline(List.of(), o -> { }));
        services = new FeedServices(state, runner, new StoryWatchlist(state, Duration.ofHours(1)), p -> { },
                new OperatorAlerts(new AlertPublisher(state), runner, clock));
    }

    @AfterEach
    void stop() throws Exception {
        runner.close();
        fake.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Connector douyin() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("baseUrl", fake.baseUrl());
        c.put("clientKey", "awfake0000nuantu");
        c.put("clientSecret", "client-secret-zz9");
        c.put("accessToken", "act.fake-token-0001");
        c.put("openId", "e3af6e1d-d83a-4116-8f9f-5cb8ac2413c7");
        c.put("timeout", "5s");
        return ConnectorTypes.create(new ConnectorConfig("douyin-main", "douyin", c));
    }

    /** Fires the next timer and waits until the poll it started has scheduled the one after. */
    private static void fireAndSettle(ManualFeedTimer timer) {
        timer.fire();
        Await.until(timer::pending, Duration.ofSeconds(20), "the feed to schedule its next poll");
    }

    @Test
    void aQuotaRefusalIsProbedWithDoublingBackoffAndPollingResumesOnTheFirstAnswer() throws Exception {
        fake.failNext(VIDEOS, 4, Fixtures.response("douyin", "error_quota_2190001.json"));
        Connector connector = douyin();
        TaskContext context = new TaskContext(vertx, Watchlist.NONE, clock);
        AccountState account = new AccountState();
        ManualFeedTimer timer = new ManualFeedTimer(clock);
        FeedLoop videos = new FeedLoop(timer, clock, new Feed("douyin-main", "videos"), "douyin",
                connector.task(new Feed("douyin-main", "videos"), context), services, account);

        videos.start();
        List<Instant> expectedProbes = List.of(T0.plusSeconds(60), T0.plusSeconds(180), T0.plusSeconds(420),
                T0.plusSeconds(900));
        for (Instant probe : expectedProbes) {
            fireAndSettle(timer);
            FeedStatus status = videos.status();
            assertEquals("paused", status.state(), status.toString());
            assertEquals(probe, status.pausedUntil(), "/api/connectors shows the next probe");
            assertTrue(status.lastError().contains("error 2190001 (quota已用完)"), status.lastError());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L), timer.delays().stream().skip(1).map(Duration::toMinutes).toList());
        assertEquals(4, fake.requests(VIDEOS).size(), "one call per probe, none while paused");

        ManualFeedTimer siblingTimer = new ManualFeedTimer(clock);
        FeedLoop stats = new FeedLoop(siblingTimer, clock, new Feed("douyin-main", "stats"), "douyin",
                connector.task(new Feed("douyin-main", "stats"), context), services, account);
        stats.start();
        siblingTimer.fire();
        assertEquals("paused", stats.status().state(), "the same account's quota: the sibling waits for the probe");
        assertEquals(T0.plusSeconds(900), stats.status().pausedUntil());

        fireAndSettle(timer); // the probe at 15 min: the platform answers again
        assertEquals(5, fake.requests(VIDEOS).size());
        assertEquals(T0.plusSeconds(900), clock.instant());
        // The page's cursor is saved once its batch is durable, a moment after the poll returned.
        Await.until(() -> videos.status().mentionsFetched() == 2, Duration.ofSeconds(20), "the first page to be saved");
        FeedStatus resumed = videos.status();
        assertEquals("idle", resumed.state(), resumed.toString());
        assertNull(resumed.pausedUntil());
        assertEquals(2, resumed.mentionsFetched(), "the first page's videos, fetched once the quota is back");
        Duration next = timer.delays().get(timer.delays().size() - 1);
        assertTrue(next.compareTo(Duration.ofMinutes(1)) <= 0, "polling at its own pace again, not paused: " + next);
        fake.requests(VIDEOS).forEach(r -> assertEquals("0", r.q("cursor"), "nothing was skipped while paused"));
    }
}
