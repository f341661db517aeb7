package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.ServiceClockRecords;
import dev.firebreak.store.ServiceClockRecordsContract;
import java.util.UUID;

/** The service clock store's contract on Redis, each test under a namespace of its own. */
class RedisServiceClockRecordsTest extends ServiceClockRecordsContract {
    @Override
    protected ServiceClockRecords freshRecords() throws Exception {
        return new RedisServiceClockRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":");
    }
}
