package dev.firebreak.connectors.replay;

import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.core.InvalidMentionException;
import dev.firebreak.core.Mention;
import dev.firebreak.core.MentionCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the next mentions of a replay file. At speed max a poll returns a batch; at a paced speed it
 * returns one mention, released after the event-time gap since the previous one (scaled by the speed).
 * A line that is not a valid Mention is reported with its line number and skipped. With {@code rebase}
 * every mention's time moves by the one {@link Rebase} its cursor carries (chosen at the first mention).
 */
final class ReplayTask implements PollTask {
    private final Vertx vertx;
    private final Path path;
    private final ReplaySpeed speed;
    private final int batchSize;
    private final boolean rebase;
    private final InstantSource clock;
    private LineReader reader;
    private OffsetDateTime lastEventTime;
    private volatile boolean stopped;
    private long timerId = -1;
    private Promise<PollResult> pending;
    private String pendingCursor;
    private String lastPolledCursor;

    ReplayTask(Vertx vertx, Path path, ReplaySpeed speed, int batchSize) {
        this(vertx, path, speed, batchSize, false, InstantSource.system());
    }

    /** {@code clock}: the wall clock a first-start rebase reads. */
    ReplayTask(Vertx vertx, Path path, ReplaySpeed speed, int batchSize, boolean rebase, InstantSource clock) {
        this.rebase = rebase;
        this.clock = clock;
        this.vertx = vertx;
        this.path = path;
        this.speed = speed;
        this.batchSize = speed.isMax() ? batchSize : 1;
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        ReplayCursor from = ReplayCursor.parse(Rebase.position(cursor));
        lastPolledCursor = cursor;
        Future<PollResult> read = vertx.executeBlocking(() -> readBatch(from, cursor), true);
        return speed.isMax() ? read : read.compose(this::pace);
    }

    // Synchronized with closeReader: a stop() from another thread waits for the read in progress
    // (which ends at the next line once stopped is set) instead of closing the file under it.
    private synchronized PollResult readBatch(ReplayCursor from, String cursor) throws IOException {
        if (reader == null || !reader.position().equals(from)) {
            closeReader();
            reader = new LineReader(path, from);
        }
        List<Mention> mentions = new ArrayList<>();
        List<PollResult.Problem> problems = new ArrayList<>();
        boolean eof = false;
        while (mentions.size() < batchSize && !stopped) {
            long lineNo = reader.position().nextLine();
            String line = reader.next();
            if (line == null) {
                eof = true;
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                mentions.add(MentionCodec.decode(line));
            } catch (InvalidMentionException e) {
                problems.add(new PollResult.Problem(path.getFileName() + ":" + lineNo, e.getMessage()));
            }
        }
        String next = reader.position().toString();
        if (rebase) {
            Rebase shift = shiftFor(cursor, mentions);
            if (shift != null) mentions.replaceAll(shift::apply);
            next = Rebase.cursor(reader.position(), shift);
        }
        if (eof) {
            closeReader();
        }
        return new PollResult(mentions, problems, next, Duration.ZERO, eof);
    }

    /**
     * The shift the cursor carries; for a replay beginning now, the one that puts its first mention at
     * this instant (null while none was read); none for a replay that began without rebasing.
     */
    private Rebase shiftFor(String cursor, List<Mention> read) {
        Rebase recorded = Rebase.recordedIn(cursor);
        if (recorded != null) return recorded;
        if (cursor != null && !Rebase.rebasing(cursor)) return Rebase.NONE;
        return read.isEmpty() ? null : Rebase.firstStart(clock.instant(), read.get(0));
    }

    private Future<PollResult> pace(PollResult result) {
        if (stopped) {
            return Future.succeededFuture(PollResult.nothing(lastPolledCursor, Duration.ZERO));
        }
        if (result.mentions().isEmpty()) {
            return Future.succeededFuture(result);
        }
        OffsetDateTime t = result.mentions().get(0).createdAt();
        Duration gap = lastEventTime == null ? Duration.ZERO : Duration.between(lastEventTime, t);
        lastEventTime = t;
        long ms = speed.wallTime(gap).toMillis();
        if (ms <= 0) {
            return Future.succeededFuture(result);
        }
        Promise<PollResult> released = Promise.promise();
        pending = released;
        pendingCursor = cursorBefore(result);
        timerId = vertx.setTimer(ms, id -> released.tryComplete(result));
        return released.future();
    }

    /** A paced poll holds one mention; stopping releases nothing and leaves the cursor where it was. */
    private String cursorBefore(PollResult result) {
        return lastPolledCursor;
    }

    @Override
    public void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (pending != null) {
            pending.tryComplete(PollResult.nothing(pendingCursor, Duration.ZERO));
        }
        vertx.executeBlocking(() -> {
            closeReader();
            return null;
        }, true);
    }

    private synchronized void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
