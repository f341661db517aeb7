package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed forever (or to its end): load cursor, poll, run the batch through the pipeline,
 * record counter observations and touched stories, and only then save the cursor. A failed poll is
 * handled as its {@link ErrorAction} says: retried with backoff, paused with the whole account until
 * the quota resets (or, when the platform does not say when, until the next probe of a doubling
 * backoff; see {@link AccountState}), or stopped (with the account, for a dead token) and reported to operators.
 */
final class FeedLoop {
    private static final Logger LOG = LoggerFactory.getLogger(FeedLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final FeedTimer timers;
    private final Clock clock;
    private final Feed feed;
    private final String type;
    private final PollTask task;
    private final FeedServices services;
    private final AccountState account;
    private final FeedMetrics.Counts counts;
    private final Promise<Void> finished = Promise.promise();
    private volatile boolean stopped;
    private volatile Future<?> inFlight = Future.succeededFuture();
    private long timer = -1;
    private int failures;
    private volatile String phase = "starting";
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile long fetched;
    private volatile long problemCount;

    FeedLoop(Vertx vertx, Feed feed, String type, PollTask task, FeedServices services, AccountState account) {
        this(FeedTimer.of(vertx), Clock.systemUTC(), feed, type, task, services, account);
    }

    FeedLoop(FeedTimer timers, Clock clock, Feed feed, String type, PollTask task, FeedServices services,
             AccountState account) {
        this.timers = timers;
        this.clock = clock;
        this.feed = feed;
        this.type = type;
        this.task = task;
        this.services = services;
        this.account = account;
        this.counts = services.metrics().counts(feed.connectorId(), feed.name());
        services.metrics().state(feed.connectorId(), feed.name(), () -> status().state());
    }

    void start() {
        next(Duration.ZERO);
    }

    /** Completes when the feed has nothing more (the end of a replay file). */
    Future<Void> finished() {
        return finished.future();
    }

    /** Stops polling; the returned future completes once the batch in flight (if any) is done. */
    Future<Void> stop() {
        stopped = true;
        timers.cancel(timer);
        task.stop();
        phase = "stopped";
        return inFlight.transform(ar -> Future.succeededFuture());
    }

    FeedStatus status() {
        String state = account.stoppedBecause() != null && !phase.equals("failed") ? "needs-reauth" : phase;
        return new FeedStatus(feed.key(), feed.connectorId(), type, state, lastSuccess, lastError,
                account.pausedUntil(clock.instant()), fetched, problemCount);
    }

    private void next(Duration delay) {
        if (stopped) {
            return;
        }
        timer = timers.schedule(delay, this::round);
    }

    private void round() {
        if (stopped || account.stoppedBecause() != null) {
            return;
        }
        Instant pausedUntil = account.pausedUntil(clock.instant());
        if (pausedUntil != null) {
            phase = "paused";
            next(Duration.between(clock.instant(), pausedUntil));
            return;
        }
        phase = "polling";
        StateStore state = services.state();
        Future<PollResult> round = Future.fromCompletionStage(state.cursor(feed.key()))
                .compose(cursor -> task.poll(cursor.orElse(null)))
                .compose(this::ingest);
        inFlight = round;
        round.onSuccess(this::afterSuccess).onFailure(this::afterFailure);
    }

    private Future<PollResult> ingest(PollResult result) {
        result.problems().forEach(services.problems());
        problemCount += result.problems().size();
        counts.fetched(result.mentions().size(), result.problems().size());
        if (stopped && result.mentions().isEmpty()) {
            return Future.succeededFuture(result);
        }
        StateStore state = services.state();
        return services.pipeline().submit(result.mentions())
                .onSuccess(outcome -> counts.processed(outcome.indexed(), outcome.duplicates()))
                .onFailure(e -> counts.notStored(result.mentions().size()))
                .compose(outcome -> Future.fromCompletionStage(state.recordObservations(result.observations())))
                .compose(x -> services.pipeline().observe(result.observations()))
                .compose(x -> Future.fromCompletionStage(services.watchlist().touch(result.mentions())))
                .compose(x -> Future.fromCompletionStage(state.saveCursor(feed.key(), result.nextCursor())))
                .map(saved -> result);
    }

    private void afterSuccess(PollResult result) {
        failures = 0;
        account.answered();
        lastSuccess = clock.instant();
        fetched += result.mentions().size();
        if (result.finished()) {
            phase = "finished";
            LOG.info("Feed {} finished: {} mentions, {} problems", feed.key(), fetched, problemCount);
            finished.tryComplete();
            return;
        }
        phase = "idle";
        next(result.pollAgainAfter());
    }

    private void afterFailure(Throwable error) {
        if (stopped) {
            return;
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        PlatformException platform = cause instanceof PlatformException p ? p : null;
        lastError = platform != null ? platform.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        ErrorAction action = platform == null ? ErrorAction.RETRY : platform.action();
        switch (action) {
            case RETRY -> retry();
            case PAUSE -> pause(platform);
            case REAUTH -> {
                account.stop(lastError);
                phase = "needs-reauth";
                LOG.error("Feed {} stopped with its account, which needs re-authorisation: {}", feed.key(), lastError);
                services.operators().raise(feed.connectorId(), type, platform);
            }
            case FATAL -> {
                phase = "failed";
                LOG.error("Feed {} stopped: {}", feed.key(), lastError);
                services.operators().raise(feed.connectorId(), type, platform);
            }
        }
    }

    private void pause(PlatformException platform) {
        Instant now = clock.instant();
        Instant until;
        if (platform.retryAfter() != null) {
            until = now.plus(platform.retryAfter());
            account.pauseUntil(until);
        } else {
            until = account.pauseForQuota(now, platform.probeCap());
        }
        Duration wait = Duration.between(now, until);
        phase = "paused";
        LOG.warn("Feed {} paused with its account, {} in {} s: {}", feed.key(),
                platform.retryAfter() != null ? "resuming" : "probing again", wait.toSeconds(), lastError);
        next(wait);
    }

    private void retry() {
        failures++;
        long backoff = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures, 10));
        phase = "retrying";
        LOG.warn("Feed {} failed ({} in a row), retrying in {} ms: {}", feed.key(), failures, backoff, lastError);
        next(Duration.ofMillis(backoff));
    }
}
