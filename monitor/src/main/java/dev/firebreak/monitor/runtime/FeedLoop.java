package dev.firebreak.monitor.runtime;

import dev.firebreak.connectors.spi.Feed;
import dev.firebreak.connectors.spi.PollResult;
import dev.firebreak.connectors.spi.PollTask;
import dev.firebreak.monitor.pipeline.PipelineRunner;
import dev.firebreak.monitor.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed forever (or to its end): load cursor, poll, run the batch through the pipeline,
 * and only then save the cursor. A failed step is retried from the last saved cursor with backoff.
 */
final class FeedLoop {
    private static final Logger LOG = LoggerFactory.getLogger(FeedLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Feed feed;
    private final String type;
    private final PollTask task;
    private final StateStore state;
    private final PipelineRunner pipeline;
    private final Consumer<PollResult.Problem> problems;
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

    FeedLoop(Vertx vertx, Feed feed, String type, PollTask task, StateStore state, PipelineRunner pipeline,
             Consumer<PollResult.Problem> problems) {
        this.vertx = vertx;
        this.feed = feed;
        this.type = type;
        this.task = task;
        this.state = state;
        this.pipeline = pipeline;
        this.problems = problems;
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
        vertx.cancelTimer(timer);
        task.stop();
        phase = "stopped";
        return inFlight.transform(ar -> Future.succeededFuture());
    }

    FeedStatus status() {
        return new FeedStatus(feed.key(), type, phase, lastSuccess, lastError, fetched, problemCount);
    }

    private void next(Duration delay) {
        if (stopped) {
            return;
        }
        long ms = Math.max(1, delay.toMillis());
        timer = vertx.setTimer(ms, id -> round());
    }

    private void round() {
        if (stopped) {
            return;
        }
        phase = "polling";
        Future<PollResult> round = Future.fromCompletionStage(state.cursor(feed.key()))
                .compose(cursor -> task.poll(cursor.orElse(null)))
                .compose(this::ingest);
        inFlight = round;
        round.onSuccess(this::afterSuccess).onFailure(this::afterFailure);
    }

    private Future<PollResult> ingest(PollResult result) {
        result.problems().forEach(problems);
        problemCount += result.problems().size();
        if (stopped && result.mentions().isEmpty()) {
            return Future.succeededFuture(result);
        }
        return pipeline.submit(result.mentions())
                .compose(outcome -> Future.fromCompletionStage(state.saveCursor(feed.key(), result.nextCursor())))
                .map(saved -> result);
    }

    private void afterSuccess(PollResult result) {
        failures = 0;
        lastSuccess = Instant.now();
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
        failures++;
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
        long backoff = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures, 8));
        phase = "retrying";
        LOG.warn("Feed {} failed ({} in a row), retrying in {} ms: {}", feed.key(), failures, backoff, lastError);
        next(Duration.ofMillis(backoff));
    }
}
