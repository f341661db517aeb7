package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.SubscriptionRecords;
import dev.firebreak.store.SubscriptionRecordsContract;
import java.util.UUID;

/** The subscription store's contract on Redis, each test under a namespace of its own. */
class RedisSubscriptionRecordsTest extends SubscriptionRecordsContract {
    @Override
    protected SubscriptionRecords freshRecords() throws Exception {
        return new RedisSubscriptionRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":");
    }
}
