package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.UserAccounts;
import dev.firebreak.store.UserAccountsContract;
import java.util.UUID;

/** The user store's contract on Redis, each test under a namespace of its own. */
class RedisUserAccountsTest extends UserAccountsContract {
    @Override
    protected UserAccounts freshStore() throws Exception {
        return new RedisUserAccounts(TestRedis.connection(), "test:" + UUID.randomUUID() + ":");
    }
}
