package dev.firebreak.state.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.state.redis.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBackupTest {
    @TempDir
    Path tmp;

    @Test
    void thePrivateServersBackupHoldsTheDataOfTheMomentItBeganAndRestoresIntoAFolder() throws Exception {
        Path backup = tmp.resolve("backup");
        try (RedisService redis = RedisService.start(null, tmp.resolve("live"))) {
            var sync = redis.connection().sync();
            sync.sadd("fb:seen", "weibo:1", "weibo:2");
            sync.set("fb:ttl", "x");
            sync.pexpire("fb:ttl", 600_000);
            RedisBackup begun = redis.beginBackup("fb:");
            sync.sadd("fb:seen", "weibo:3");   // after the instant of the backup
            RedisBackup.Written written = begun.writeTo(backup, keys -> { });
            assertEquals(RedisBackup.RDB, written.kind());
            assertEquals(Files.size(backup.resolve(written.file())), written.bytes());
        }
        Path restored = tmp.resolve("restored");
        assertEquals(2, EmbeddedRedis.restoreRdb(backup.resolve("redis/dump.rdb"), restored));
        try (RedisService redis = RedisService.start(null, restored)) {
            var sync = redis.connection().sync();
            assertEquals(java.util.Set.of("weibo:1", "weibo:2"), sync.smembers("fb:seen"));
            assertTrue(sync.pttl("fb:ttl") > 0, "the time to live is kept");
        }
        // restarted once more: the data lives in the append-only file now, as a daemon's private Redis keeps it
        try (RedisService redis = RedisService.start(null, restored)) {
            assertEquals(2L, redis.connection().sync().scard("fb:seen"));
        }
    }

    @Test
    void anExternalServersBackupIsTheNamespacesKeysAndRestoreReplacesJustThem() throws Exception {
        String ns = "test:" + UUID.randomUUID() + ":";
        String other = "test:" + UUID.randomUUID() + ":";
        Path backup = tmp.resolve("backup");
        try (RedisService redis = RedisService.start(TestRedis.uri(), null)) {
            var sync = redis.connection().sync();
            sync.sadd(ns + "seen", "weibo:1", "weibo:2");
            sync.hset(ns + "cursors", "push", "c1");
            sync.set(other + "untouched", "1");
            RedisBackup.Written written = redis.beginBackup(ns).writeTo(backup, keys -> { });
            assertEquals(RedisBackup.KEYS, written.kind());
            assertEquals(2, written.keys());
            sync.sadd(ns + "seen", "weibo:3");
            sync.set(ns + "later", "gone after the restore");
            sync.set(other + "untouched", "2");

            assertEquals(2, redis.restoreKeys(backup.resolve(written.file()), ns));
            assertEquals(java.util.Set.of("weibo:1", "weibo:2"), sync.smembers(ns + "seen"));
            assertEquals("c1", sync.hget(ns + "cursors", "push"));
            assertNull(sync.get(ns + "later"));
            assertEquals("2", sync.get(other + "untouched"), "keys outside the namespace are left alone");
            redis.deleteNamespace(ns);
            redis.deleteNamespace(other);
        }
    }
}
