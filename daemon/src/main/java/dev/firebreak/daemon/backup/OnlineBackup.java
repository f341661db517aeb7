package dev.firebreak.daemon.backup;

import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.index.lucene.IndexSnapshot;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.index.lucene.MentionSchema;
import dev.firebreak.state.redis.RedisBackup;
import dev.firebreak.state.redis.RedisService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup of a running daemon into a folder: the index (a Lucene snapshot of its last commit) and the
 * Redis state, then {@code manifest.json}. Both are taken on the pipeline's worker, between two batches,
 * so they agree: every mention indexed is in the snapshot and marked seen in Redis no later than it.
 * With the private Redis, BGSAVE forks at that instant, so the two agree exactly. With an external one the
 * keys are dumped just after, so Redis may be a little ahead (a mention marked seen the index lacks):
 * harmless, because the dedup stage indexes a seen mention the index does not hold when it comes again.
 * The files are copied off the worker; ingest goes on meanwhile. Blocking: run it on a worker thread.
 */
public final class OnlineBackup {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineBackup.class);

    /** What the copy tells its listener: bytes copied so far of the total (index files, then Redis). */
    public interface Progress {
        void copied(long bytes, long total);
    }

    private final PipelineRunner runner;
    private final MentionIndex index;
    private final RedisService redis;
    private final String namespace;
    private final AtomicBoolean running = new AtomicBoolean();

    public OnlineBackup(PipelineRunner runner, MentionIndex index, RedisService redis, String namespace) {
        this.runner = runner;
        this.index = index;
        this.redis = redis;
        this.namespace = namespace;
    }

    /** Why {@code dir} cannot take a backup (not absolute, not an empty folder), or null when it can. */
    public static String refusal(Path dir) {
        if (!dir.isAbsolute()) {
            return "\"dir\" must be an absolute path on the daemon's machine, got \"" + dir + "\"";
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                return "\"dir\" " + dir + " exists and is not a folder: name a new one";
            }
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        return "\"dir\" " + dir + " is not empty: name a new folder";
                    }
                }
            }
        } catch (IOException e) {
            return "\"dir\" " + dir + " cannot be read: " + e.getMessage();
        }
        return null;
    }

    /** Whether a backup is running now (one at a time). */
    public boolean running() {
        return running.get();
    }

    public BackupManifest run(Path dir, Progress progress) throws Exception {
        String refused = refusal(dir);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a backup is running already");
        }
        try {
            return copy(dir, progress);
        } finally {
            running.set(false);
        }
    }

    private record Begun(IndexSnapshot index, RedisBackup redis) { }

    private BackupManifest copy(Path dir, Progress progress) throws Exception {
        long started = System.nanoTime();
        Begun begun = runner.onWorker(() -> {
            IndexSnapshot snapshot = index.snapshot();
            try {
                return new Begun(snapshot, redis.beginBackup(namespace));
            } catch (IOException | RuntimeException e) {
                snapshot.close();
                throw e;
            }
        }).toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        BackupManifest.Index indexPart;
        try (IndexSnapshot snapshot = begun.index()) {
            Files.createDirectories(dir);
            long total = snapshot.bytes();
            snapshot.copyTo(dir.resolve("index"), bytes -> progress.copied(bytes, total));
            Map<String, Long> files = new LinkedHashMap<>();
            for (String f : snapshot.files()) {
                files.put(f, Files.size(dir.resolve("index").resolve(f)));
            }
            indexPart = new BackupManifest.Index(MentionSchema.VERSION, snapshot.generation(), snapshot.mentions(), total, files);
        }
        RedisBackup.Written written = begun.redis().writeTo(dir, keys -> { });
        progress.copied(indexPart.bytes() + written.bytes(), indexPart.bytes() + written.bytes());
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, OffsetDateTime.now(),
                BackupManifest.runningVersion(), namespace, indexPart,
                new BackupManifest.Redis(written.kind(), written.file(), written.bytes(), written.keys() < 0 ? null : written.keys()));
        manifest.write(dir);
        LOG.info("Backed up {} mentions ({} bytes of index) and Redis ({}, {} bytes) to {} in {} ms", indexPart.mentions(),
                indexPart.bytes(), written.kind(), written.bytes(), dir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return manifest;
    }
}
