package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.StateStore;
import dev.firebreak.store.StateStoreContract;

/** The state store's contract on Redis (embedded, or REDIS_URI), each test under a namespace of its own. */
class RedisStateStoreTest extends StateStoreContract {
    @Override
    protected StateStore freshStore() throws Exception {
        return TestRedis.freshStore();
    }
}
