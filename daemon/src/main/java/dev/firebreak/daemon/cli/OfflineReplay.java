package dev.firebreak.daemon.cli;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.alerting.AlertSubscriber;
import dev.firebreak.daemon.runtime.FeedStatus;
import dev.firebreak.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one Mention file through the whole pipeline at full speed in event time (risk and escalation
 * timers too: see {@link dev.firebreak.core.EventClock}), on a data directory
 * of its own (a fresh temporary one unless given), without HTTP. Shared by {@code replay} and {@code bench}.
 */
public final class OfflineReplay {
    /**
     * What a replay did: mentions read, lines refused, seconds taken in all, and of those the seconds
     * the daemon took to start (loading models, opening the index) before the replay began.
     */
    public record Summary(long mentions, long problems, double seconds, double startSeconds) {
        /** Seconds from the daemon being up to the replay's end. */
        public double replaySeconds() {
            return seconds - startSeconds;
        }
    }

    private OfflineReplay() { }

    public static Summary run(Path file, Path dataDir, AlertSubscriber sink, Consumer<PollResult.Problem> problems) throws Exception {
        return run(file, dataDir, null, sink, problems);
    }

    /** {@code rulesDir}: rule files besides the built-in pack, or null for the pack alone. */
    static Summary run(Path file, Path dataDir, Path rulesDir, AlertSubscriber sink, Consumer<PollResult.Problem> problems)
            throws Exception {
        return run(file, dataDir, rulesDir, sink, problems, null);
    }

    /**
     * As above, showing its progress on stderr as {@code progressTask} (lines read of the file's lines)
     * when that is not null.
     */
    public static Summary run(Path file, Path dataDir, Path rulesDir, AlertSubscriber sink,
                              Consumer<PollResult.Problem> problems, String progressTask) throws Exception {
        return run(file, dataDir, rulesDir, sink, problems, progressTask, meters -> { });
    }

    /** As above, handing the daemon's meters to {@code atEnd} once the replay is done, before it stops. */
    public static Summary run(Path file, Path dataDir, Path rulesDir, AlertSubscriber sink, Consumer<PollResult.Problem> problems,
                              String progressTask, Consumer<io.micrometer.core.instrument.MeterRegistry> atEnd) throws Exception {
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("firebreak-replay-") : dataDir;
        FirebreakConfig config = new FirebreakConfig(dir, FirebreakConfig.DEFAULT_HOST, 0, null,
                List.of(new ConnectorConfig("replay", "replay", Map.of("path", file.toString(), "speed", "max"))),
                new AlertingConfig(rulesDir, List.of()));
        long start = System.nanoTime();
        Firebreak app = Firebreak.start(config, new Firebreak.Options(false, List.of(sink), problems, "fb:").inEventTime());
        double startSeconds = (System.nanoTime() - start) / 1e9;
        try {
            CompletableFuture<Void> finished = app.runtime().allFinished().toCompletionStage().toCompletableFuture();
            if (progressTask == null) {
                finished.get(6, TimeUnit.HOURS);
            } else {
                watch(finished, app, Progress.start(progressTask, lines(file), System.err));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            FeedStatus status = app.runtime().status().get(0);
            atEnd.accept(app.meters());
            return new Summary(status.mentionsFetched(), status.problems(), seconds, startSeconds);
        } finally {
            app.close();
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    /** Waits for the replay to finish, moving the progress to the lines taken in so far. */
    private static void watch(CompletableFuture<Void> finished, Firebreak app, Progress progress) throws Exception {
        try (progress) {
            long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(6);
            while (true) {
                try {
                    finished.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException notYet) {
                    if (System.nanoTime() > deadline) throw notYet;
                }
                FeedStatus status = app.runtime().status().get(0);
                progress.stepTo(status.mentionsFetched() + status.problems());
            }
            FeedStatus status = app.runtime().status().get(0);
            progress.stepTo(status.mentionsFetched() + status.problems());
        }
    }

    /** The file's non-blank lines: the mentions a replay reads, good or bad. */
    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (java.io.UncheckedIOException notText) {
            return -1; // not UTF-8 throughout: the replay reports the bad lines; the total is unknown
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
