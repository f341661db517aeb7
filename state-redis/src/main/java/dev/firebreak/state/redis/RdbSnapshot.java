package dev.firebreak.state.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A point-in-time copy of the private server's whole dataset: {@code BGSAVE} forks the server at the
 * moment the command runs ({@link #begin}); {@link #copyTo} waits for the fork to finish writing its
 * RDB file and copies it. The private server holds only Firebreak's keys.
 */
final class RdbSnapshot {
    private static final long WAIT_MILLIS = 10 * 60_000;

    private final RedisCommands<String, String> redis;

    private RdbSnapshot(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Issues BGSAVE: when this returns, the dataset saved is the one of this instant. */
    static RdbSnapshot begin(RedisCommands<String, String> redis) throws IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                redis.bgsave();
                return new RdbSnapshot(redis);
            } catch (RedisCommandExecutionException busy) {
                // an append-only rewrite (or another save) is running: the fork must wait for it
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("Redis refused BGSAVE for 30 s: " + busy.getMessage(), busy);
                }
                pause(100);
            }
        }
    }

    /** Waits for the save to finish, then copies the RDB file to {@code target}; returns its size. */
    long copyTo(Path target) throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        Map<String, String> info = persistence();
        while ("1".equals(info.get("rdb_bgsave_in_progress"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("Redis's BGSAVE did not finish within 10 minutes");
            }
            pause(50);
            info = persistence();
        }
        if (!"ok".equals(info.get("rdb_last_bgsave_status"))) {
            throw new IOException("Redis's BGSAVE failed (rdb_last_bgsave_status:" + info.get("rdb_last_bgsave_status")
                    + "): see the Redis log; is its folder writable and the disk not full?");
        }
        Path rdb = Path.of(redis.configGet("dir").get("dir")).resolve(redis.configGet("dbfilename").get("dbfilename"));
        Files.createDirectories(target.getParent());
        // Redis renames a finished save into place, so this reads one whole file even if another save starts.
        Files.copy(rdb, target, StandardCopyOption.COPY_ATTRIBUTES);
        return Files.size(target);
    }

    private Map<String, String> persistence() {
        return info(redis, "persistence");
    }

    /** One section of INFO as name → value. */
    static Map<String, String> info(RedisCommands<String, String> redis, String section) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : redis.info(section).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Redis", e);
        }
    }
}
