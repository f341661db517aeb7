package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.store.StateStore;
import dev.firebreak.daemon.pipeline.BatchOutcome;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import io.vertx.core.Context;
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
    /** Batches processed but whose cursor is not saved yet, at most this many: the loop's back-pressure. */
    static final int MAX_UNSAVED = 8;
    private final java.util.ArrayDeque<Future<Void>> unsaved = new java.util.ArrayDeque<>();
    /** The last cursor save asked for: each batch's waits for the one before, so cursors are saved in order. */
    private Future<Void> saves = Future.succeededFuture();
    private Future<?> polling = Future.succeededFuture();
    /** A batch failed: no new poll starts until everything in flight has settled. */
    private boolean broken;
    private int generation;
    private Context context;
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
        // The poll in flight is dropped when it returns (its cursor is not saved); the batches ingested
        // before wait for their commits and cursor saves.
        return Future.join(polling, saves).transform(ar -> Future.succeededFuture());
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
        context = Vertx.currentContext();
        roundFrom(local(services.state().cursor(feed.key())).compose(cursor -> task.poll(cursor.orElse(null))));
    }

    /**
     * Ingests what {@code polled} brings. When it says more is there now (a backlog, a replay at full
     * speed), the next poll starts from its next cursor at once, before this batch is processed or
     * durable: polling, processing and the index's commit overlap instead of taking turns, and the runner
     * commits several batches at once. Cursors are still saved in poll order, each only after the commit
     * covering its batch, and at most {@link #MAX_UNSAVED} batches wait for theirs. Only one poll is ever
     * in flight. When a batch fails, no new poll starts; once everything in flight has settled, the failure
     * is handled as before, and the retry starts from the last saved cursor (the batches after the failed
     * one are processed again, and the dedup stage skips what was stored).
     */
    private void roundFrom(Future<PollResult> polled) {
        polling = polled;
        polled.onFailure(this::failed).onSuccess(result -> {
            if (broken || stopped && !result.mentions().isEmpty()) return;   // polled again by the retry, or after the restart
            Future<Void> save = ingest(result);
            unsaved.addLast(save);
            save.onComplete(x -> unsaved.remove(save));
            if (!pollsAgainNow(result)) {
                save.onSuccess(x -> afterSuccess(result)).onFailure(this::failed);
                return;
            }
            // Counted once its cursor is saved, as a batch that waits for its save is (status, progress).
            save.onSuccess(x -> answered(result)).onFailure(this::failed);
            phase = "idle";
            // At once (on the timer, at no delay), so the next batch is queued behind this one and the
            // runner commits them together; with MAX_UNSAVED batches waiting for their commits, once the
            // oldest is saved.
            Future<?> gate = unsaved.size() >= MAX_UNSAVED ? unsaved.peekFirst() : Future.succeededFuture();
            int run = generation;
            gate.onComplete(ar -> timer = timers.schedule(Duration.ZERO, () -> {
                if (broken || run != generation || stopped || account.stoppedBecause() != null) return;
                phase = "polling";
                roundFrom(task.poll(result.nextCursor()));
            }));
        });
    }

    private boolean pollsAgainNow(PollResult result) {
        return !stopped && !result.finished() && result.pollAgainAfter().isZero() && account.stoppedBecause() == null;
    }

    /** The batch into the pipeline now; the cursor saved after the saves before it and its own commit. */
    private Future<Void> ingest(PollResult result) {
        result.problems().forEach(services.problems());
        problemCount += result.problems().size();
        counts.fetched(result.mentions().size(), result.problems().size());
        if (stopped && result.mentions().isEmpty()) {
            return saves;
        }
        StateStore state = services.state();
        PipelineRunner.Submitted submitted = services.pipeline().submitStaged(result.mentions());
        Future<BatchOutcome> durable = submitted.durable()
                .onSuccess(outcome -> counts.processed(outcome.indexed(), outcome.duplicates()))
                .onFailure(e -> counts.notStored(result.mentions().size()));
        Future<Void> before = saves;
        Future<Void> save = durable.compose(outcome -> before)
                .compose(x -> local(state.recordObservations(result.observations())))
                .compose(x -> services.pipeline().observe(result.observations()))
                .compose(x -> local(services.watchlist().touch(result.mentions())))
                .compose(x -> local(state.saveCursor(feed.key(), result.nextCursor())))
                .mapEmpty();
        saves = save;
        return save;
    }

    /** A store's answer, its callbacks on this loop's context (when it has one), so its fields see one thread. */
    private <T> Future<T> local(java.util.concurrent.CompletionStage<T> stage) {
        Context here = context;
        return here == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, here);
    }

    /** Once, for the first failure: waits for the poll and the saves in flight to settle, then handles it. */
    private void failed(Throwable error) {
        if (broken) return;
        broken = true;
        generation++;   // an early poll scheduled before this failure never starts
        Future.join(polling, saves).onComplete(x -> {
            broken = false;
            saves = Future.succeededFuture();
            afterFailure(error);
        });
    }

    private void afterSuccess(PollResult result) {
        answered(result);
        if (result.finished()) {
            phase = "finished";
            LOG.info("Feed {} finished: {} mentions, {} problems", feed.key(), fetched, problemCount);
            finished.tryComplete();
            return;
        }
        phase = "idle";
        next(result.pollAgainAfter());
    }

    private void answered(PollResult result) {
        failures = 0;
        account.answered();
        lastSuccess = clock.instant();
        fetched += result.mentions().size();
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
