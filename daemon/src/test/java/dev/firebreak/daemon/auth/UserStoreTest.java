package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.state.redis.RedisUserAccounts;
import dev.firebreak.state.redis.testing.TestRedis;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users in a real Redis: only token hashes are stored, and rotation and deletion keep the two hashes in step. */
class UserStoreTest {
    @Test
    void redisHoldsTheTokensHashNeverTheToken() throws Exception {
        String ns = "test:" + UUID.randomUUID() + ":";
        UserStore users = new UserStore(new RedisUserAccounts(TestRedis.connection(), ns));
        String token = users.create("li", Role.AGENT).toCompletableFuture().get().orElseThrow();
        String session = users.openSession("li", token).toCompletableFuture().get();

        RedisCommands<String, String> redis = TestRedis.connection().sync();
        StringBuilder everything = new StringBuilder();
        for (String key : redis.scan(ScanArgs.Builder.matches(ns + "*").limit(1000)).getKeys()) {
            everything.append(key).append(' ').append(redis.type(key).equals("hash") ? redis.hgetall(key) : redis.get(key)).append('\n');
        }
        assertFalse(everything.toString().contains(token), everything.toString());
        assertFalse(everything.toString().contains(session), "nor the session id");
        assertTrue(everything.toString().contains(Secrets.hash(token)));
        assertEquals(43200, redis.ttl(ns + "session:" + Secrets.hash(session)), 2, "sessions last 12 hours");

        assertEquals("li", users.bySession(session).toCompletableFuture().get().orElseThrow().name());
        String rotated = users.rotateToken("li").toCompletableFuture().get().orElseThrow();
        assertTrue(users.bySession(session).toCompletableFuture().get().isEmpty(), "a session of the replaced token ends");
        assertEquals(0, redis.exists(ns + "session:" + Secrets.hash(session)), "and is removed");
        session = users.openSession("li", rotated).toCompletableFuture().get();
        assertTrue(users.byToken(token).toCompletableFuture().get().isEmpty());
        assertEquals(Role.AGENT, users.byToken(rotated).toCompletableFuture().get().orElseThrow().role());
        assertEquals(1, redis.hlen(ns + "user-tokens"), "the old hash is gone");
        assertTrue(users.create("li", Role.ADMIN).toCompletableFuture().get().isEmpty(), "a taken name");
        assertTrue(users.delete("li").toCompletableFuture().get());
        assertEquals(0, redis.hlen(ns + "user-tokens"));
        assertTrue(users.bySession(session).toCompletableFuture().get().isEmpty(), "a deleted user's session ends");
    }
}
