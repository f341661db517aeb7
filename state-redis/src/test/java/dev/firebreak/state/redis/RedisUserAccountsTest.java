package dev.firebreak.state.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.UserAccounts;
import dev.firebreak.store.UserAccountsContract;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The user store's contract on Redis, each test under a namespace of its own. */
class RedisUserAccountsTest extends UserAccountsContract {
    private String ns;

    @Override
    protected UserAccounts freshStore() throws Exception {
        ns = "test:" + UUID.randomUUID() + ":";
        return new RedisUserAccounts(TestRedis.connection(), ns);
    }

    /** Before sessions were bound to a token their value was the bare name: such a session names nobody. */
    @Test
    void aSessionFromBeforeTokenBindingEnds() throws Exception {
        get(store.createUser("li", "{\"name\":\"li\",\"role\":\"agent\",\"tokenHash\":\"h1\"}", "h1"));
        TestRedis.connection().sync().set(ns + "session:old", "li", io.lettuce.core.SetArgs.Builder.ex(3600));
        assertEquals(Optional.empty(), get(store.sessionUser("old")));
        assertEquals(0L, TestRedis.connection().sync().exists(ns + "session:old"), "and is removed");
    }
}
