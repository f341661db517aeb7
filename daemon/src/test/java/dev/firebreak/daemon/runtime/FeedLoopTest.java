package dev.firebreak.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.core.Alert;
import dev.firebreak.core.Severity;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.pipeline.Pipeline;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.memory.InMemoryStateStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed loop's error handling, on a hand-fired timer and a fixed clock, with in-memory state. */
class FeedLoopTest {
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Vertx vertx = Vertx.vertx();
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final AlertPublisher publisher = new AlertPublisher(state);
    private final PipelineRunner runner = new PipelineRunner(vertx, new Pipeline(List.of(), o -> { }));
    private final FeedServices services = new FeedServices(state, runner, new StoryWatchlist(state, Duration.ofHours(1)),
            p -> { }, new OperatorAlerts(publisher, runner, clock));
    private final AccountState account = new AccountState();

    /** Answers each poll with the next of the given failures; counts the polls. */
    private static final class FailingTask implements PollTask {
        private final Deque<Exception> failures;
        int polls;

        FailingTask(Exception... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public Future<PollResult> poll(String cursor) {
            polls++;
            return Future.failedFuture(failures.isEmpty() ? new IOException("still down") : failures.poll());
        }

        @Override
        public void stop() { }
    }

    private FeedLoop loop(String name, PollTask task, ManualFeedTimer timer) {
        return new FeedLoop(timer, clock, new Feed("weibo-main", name), "weibo", task, services, account);
    }

    @AfterEach
    void close() throws Exception {
        runner.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailedPollIsRetriedWithBackoffDoublingUpToFiveMinutes() {
        ManualFeedTimer timer = new ManualFeedTimer();
        FailingTask task = new FailingTask(PlatformException.retry("weibo /2/comments: HTTP 502"));
        FeedLoop feed = loop("mentions", task, timer);
        feed.start();
        for (int i = 0; i < 12; i++) timer.fire();

        List<Long> backoff = timer.delays().stream().skip(1).map(Duration::toMillis).toList();
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L, 256_000L,
                300_000L, 300_000L, 300_000L), backoff);
        assertEquals(12, task.polls);
        FeedStatus status = feed.status();
        assertEquals("retrying", status.state());
        assertEquals("IOException: still down", status.lastError(), "a fault that is not the platform's is retried too");
    }

    @Test
    void aQuotaPausePausesEveryFeedOfTheAccountUntilItResets() {
        ManualFeedTimer timer = new ManualFeedTimer();
        FeedLoop first = loop("mentions", new FailingTask(new PlatformException(ErrorAction.PAUSE, "10023",
                Duration.ofMinutes(10), "weibo: quota exhausted")), timer);
        first.start();
        timer.fire();
        assertEquals(NOW.plus(Duration.ofMinutes(10)), account.pausedUntil(NOW));
        assertEquals("paused", first.status().state());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), first.status().pausedUntil());
        assertEquals(Duration.ofMinutes(10), timer.delays().get(1));

        ManualFeedTimer otherTimer = new ManualFeedTimer();
        FailingTask other = new FailingTask();
        FeedLoop sibling = loop("comments", other, otherTimer);
        sibling.start();
        otherTimer.fire();
        assertEquals(0, other.polls, "the same account's quota: it waits too");
        assertEquals("paused", sibling.status().state());
        assertEquals(Duration.ofMinutes(10), otherTimer.delays().get(1));
    }

    @Test
    void aQuotaOfUnknownWindowIsProbedFromAMinuteDoublingToItsCapAndAnAnswerEndsTheBackoff() {
        ManualFeedTimer.SimulatedClock simulated = new ManualFeedTimer.SimulatedClock(NOW);
        ManualFeedTimer timer = new ManualFeedTimer(simulated);
        PlatformException quota = PlatformException.quotaUnknownWindow("2190001", Duration.ofMinutes(10), "quota");
        FailingTask task = new FailingTask(quota, quota, quota, quota, quota);
        FeedLoop feed = new FeedLoop(timer, simulated, new Feed("douyin-main", "videos"), "douyin", task, services,
                new AccountState());
        feed.start();
        for (int i = 0; i < 5; i++) timer.fire();
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L), timer.delays().stream().skip(1).map(Duration::toMinutes).toList());
        assertEquals(5, task.polls, "one probe per pause, nothing in between");
        assertEquals(simulated.instant().plus(Duration.ofMinutes(10)), feed.status().pausedUntil(), "the next probe");

        AccountState fresh = new AccountState();
        assertEquals(NOW.plus(Duration.ofMinutes(1)), fresh.pauseForQuota(NOW, Duration.ofHours(1)));
        assertEquals(NOW.plus(Duration.ofMinutes(1)), fresh.pauseForQuota(NOW.plusSeconds(5), Duration.ofHours(1)),
                "a sibling refused while the account is paused does not double the wait");
        Instant probe = NOW.plus(Duration.ofMinutes(1));
        assertEquals(probe.plus(Duration.ofMinutes(2)), fresh.pauseForQuota(probe, Duration.ofHours(1)));
        fresh.answered();
        Instant later = probe.plus(Duration.ofHours(1));
        assertEquals(later.plus(Duration.ofMinutes(1)), fresh.pauseForQuota(later, Duration.ofHours(1)),
                "after an answered poll the next refusal starts at a minute again");
    }

    @Test
    void aDeadTokenStopsTheAccountAndRaisesAnOperatorAlertOnThePipelineWorker() throws Exception {
        CompletableFuture<Alert> raised = new CompletableFuture<>();
        CompletableFuture<Boolean> onWorker = new CompletableFuture<>();
        publisher.subscribe((r, v) -> {
            onWorker.complete(Context.isOnWorkerThread());
            raised.complete(v.alert());
        });
        ManualFeedTimer timer = new ManualFeedTimer();
        FeedLoop feed = loop("mentions", new FailingTask(new PlatformException(ErrorAction.REAUTH, "21327", null,
                "weibo /2/comments/mentions: expired_token (21327)")), timer);
        feed.start();
        timer.fire();

        assertFalse(timer.pending(), "no further poll");
        assertEquals("needs-reauth", feed.status().state());
        Alert alert = raised.get(10, TimeUnit.SECONDS);
        assertTrue(onWorker.get(), "recorded on the pipeline's worker, not the event loop");
        assertEquals(OperatorAlerts.RULE_ID, alert.ruleId());
        assertEquals(Severity.P2, alert.severity());
        assertEquals("connector:weibo-main", alert.storyId());
        assertTrue(alert.reason().contains("needs re-authorisation: weibo /2/comments/mentions: expired_token (21327)"),
                alert.reason());

        ManualFeedTimer otherTimer = new ManualFeedTimer();
        FailingTask other = new FailingTask();
        FeedLoop sibling = loop("comments", other, otherTimer);
        sibling.start();
        otherTimer.fire();
        assertEquals(0, other.polls, "the account is stopped for all its feeds");
        assertEquals("needs-reauth", sibling.status().state());
    }

    @Test
    void aRefusedConfigurationStopsTheFeedAndRaisesAnOperatorAlert() throws Exception {
        CompletableFuture<Alert> raised = new CompletableFuture<>();
        publisher.subscribe((r, v) -> raised.complete(v.alert()));
        ManualFeedTimer timer = new ManualFeedTimer();
        FeedLoop feed = loop("mentions", new FailingTask(new PlatformException(ErrorAction.FATAL, "10014", null,
                "weibo: app not approved for this API")), timer);
        feed.start();
        timer.fire();

        assertFalse(timer.pending());
        assertEquals("failed", feed.status().state());
        assertNull(account.stoppedBecause(), "the account's other feeds go on");
        assertTrue(raised.get(10, TimeUnit.SECONDS).reason().contains("stopped and needs its configuration checked"));
    }
}
