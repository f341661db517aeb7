package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.store.LifecycleStoreContract;

/** The lifecycle store's contract on Redis (embedded, or REDIS_URI), each test under a namespace of its own. */
class RedisLifecycleStoreTest extends LifecycleStoreContract {
    @Override
    protected LifecycleStore freshStore() throws Exception {
        return TestRedis.freshLifecycleStore();
    }
}
