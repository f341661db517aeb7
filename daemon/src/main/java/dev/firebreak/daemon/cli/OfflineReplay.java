package dev.firebreak.daemon.cli;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.alerting.AlertSubscriber;
import dev.firebreak.daemon.runtime.FeedStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one Mention file through the whole pipeline at full speed in event time, on a data directory
 * of its own (a fresh temporary one unless given), without HTTP. Shared by {@code replay} and {@code bench}.
 */
public final class OfflineReplay {
    /** What a replay did: mentions read, lines refused, seconds taken. */
    public record Summary(long mentions, long problems, double seconds) { }

    private OfflineReplay() { }

    public static Summary run(Path file, Path dataDir, AlertSubscriber sink, Consumer<PollResult.Problem> problems) throws Exception {
        return run(file, dataDir, null, sink, problems);
    }

    /** {@code rulesDir}: rule files besides the built-in pack, or null for the pack alone. */
    static Summary run(Path file, Path dataDir, Path rulesDir, AlertSubscriber sink, Consumer<PollResult.Problem> problems)
            throws Exception {
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("firebreak-replay-") : dataDir;
        FirebreakConfig config = new FirebreakConfig(dir, FirebreakConfig.DEFAULT_HOST, 0, null,
                List.of(new ConnectorConfig("replay", "replay", Map.of("path", file.toString(), "speed", "max"))),
                new AlertingConfig(rulesDir, List.of()));
        long start = System.nanoTime();
        Firebreak app = Firebreak.start(config, new Firebreak.Options(false, List.of(sink), problems, "fb:"));
        try {
            app.runtime().allFinished().toCompletionStage().toCompletableFuture().get(6, TimeUnit.HOURS);
            double seconds = (System.nanoTime() - start) / 1e9;
            FeedStatus status = app.runtime().status().get(0);
            return new Summary(status.mentionsFetched(), status.problems(), seconds);
        } finally {
            app.close();
            if (temporary) {
                deleteTree(dir);
            }
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
