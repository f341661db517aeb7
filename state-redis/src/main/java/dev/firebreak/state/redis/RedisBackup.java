package dev.firebreak.state.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A backup of Firebreak's Redis state begun by {@link RedisService#beginBackup}: the private server's
 * RDB file ({@link #RDB}) or an external server's keys under the namespace ({@link #KEYS}).
 */
public final class RedisBackup {
    /** The private server's whole dataset, from BGSAVE: file {@code redis/dump.rdb} of the backup. */
    public static final String RDB = "rdb";
    /** An external server's keys under the namespace, DUMPed: file {@code redis/keys.dump}. */
    public static final String KEYS = "keys";

    /** What was written: its kind, the file (relative to the backup folder), its size, and how many keys. */
    public record Written(String kind, String file, long bytes, long keys) { }

    private final RdbSnapshot rdb;
    private final RedisCommands<String, String> redis;
    private final String namespace;

    private RedisBackup(RdbSnapshot rdb, RedisCommands<String, String> redis, String namespace) {
        this.rdb = rdb;
        this.redis = redis;
        this.namespace = namespace;
    }

    static RedisBackup rdb(RdbSnapshot snapshot) {
        return new RedisBackup(snapshot, null, null);
    }

    static RedisBackup keys(RedisCommands<String, String> redis, String namespace) {
        return new RedisBackup(null, redis, namespace);
    }

    /** Writes the state into {@code backupDir}; {@code keysDone} hears of each key dumped (external Redis). */
    public Written writeTo(Path backupDir, LongConsumer keysDone) throws IOException {
        if (rdb != null) {
            String file = "redis/dump.rdb";
            long bytes = rdb.copyTo(backupDir.resolve(file));
            return new Written(RDB, file, bytes, -1);
        }
        String file = "redis/keys.dump";
        java.nio.file.Files.createDirectories(backupDir.resolve("redis"));
        long keys = NamespaceDump.write(redis, namespace, backupDir.resolve(file), keysDone);
        return new Written(KEYS, file, java.nio.file.Files.size(backupDir.resolve(file)), keys);
    }
}
