package dev.firebreak.daemon.backup;

import dev.firebreak.index.lucene.IndexSnapshot;
import dev.firebreak.state.redis.EmbeddedRedis;
import dev.firebreak.state.redis.RedisBackup;
import dev.firebreak.state.redis.RedisService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code firebreak restore}: a backup folder back into a data directory whose daemon is stopped (the
 * caller holds the directory's lock: {@code RestoreCommand}). It checks the backup against its manifest
 * first, copies the index beside the old one and opens it, and only then replaces the index and the
 * Redis state.
 */
public final class Restore {
    /** What was restored. */
    public record Restored(long mentions, long bytes, String redisKind, long redisKeys) { }

    private Restore() { }

    /**
     * @param redisUri the configured external Redis, or null for the private one under {@code dataDir/redis}
     */
    public static Restored run(Path backupDir, Path dataDir, String redisUri, OnlineBackup.Progress progress)
            throws IOException {
        BackupManifest manifest = BackupManifest.read(backupDir);
        boolean rdb = RedisBackup.RDB.equals(manifest.redis().kind());
        if (rdb && redisUri != null) {
            throw new IOException("the backup holds the private Redis's data (BGSAVE); this configuration names an external"
                    + " Redis (redis.uri): restore into a data directory that runs without redis.uri");
        }
        if (!rdb && redisUri == null) {
            throw new IOException("the backup holds an external Redis's keys (namespace " + manifest.namespace()
                    + "); configure redis.uri (--config) to restore them");
        }
        long bytes = restoreIndex(backupDir, dataDir, manifest, progress);
        long keys = restoreRedis(backupDir, dataDir, redisUri, manifest);
        return new Restored(manifest.index().mentions(), bytes, manifest.redis().kind(), keys);
    }

    private static long restoreIndex(Path backupDir, Path dataDir, BackupManifest manifest,
                                     OnlineBackup.Progress progress) throws IOException {
        Path target = dataDir.resolve("index");
        Path incoming = dataDir.resolve("index.restoring");
        deleteTree(incoming);
        Files.createDirectories(incoming);
        long total = manifest.index().bytes();
        long copied = 0;
        byte[] buffer = new byte[1 << 20];
        for (String f : manifest.index().files().keySet()) {
            try (InputStream in = Files.newInputStream(backupDir.resolve("index").resolve(f));
                 OutputStream out = Files.newOutputStream(incoming.resolve(f), StandardOpenOption.CREATE_NEW)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    copied += n;
                    progress.copied(copied, total);
                }
            }
        }
        long mentions = IndexSnapshot.verify(incoming);
        if (mentions != manifest.index().mentions()) {
            throw new IOException("the restored index holds " + mentions + " mentions, the manifest says "
                    + manifest.index().mentions() + ": the backup is damaged (the data directory is unchanged)");
        }
        deleteTree(target);
        Files.move(incoming, target);
        return copied;
    }

    private static long restoreRedis(Path backupDir, Path dataDir, String redisUri, BackupManifest manifest)
            throws IOException {
        Path file = backupDir.resolve(manifest.redis().file());
        if (RedisBackup.RDB.equals(manifest.redis().kind())) {
            return EmbeddedRedis.restoreRdb(file, dataDir.resolve("redis"));
        }
        try (RedisService redis = RedisService.start(redisUri, null)) {
            return redis.restoreKeys(file, manifest.namespace());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
