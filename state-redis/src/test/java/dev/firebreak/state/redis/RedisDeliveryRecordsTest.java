package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.DeliveryRecords;
import dev.firebreak.store.DeliveryRecordsContract;
import java.util.UUID;

/** The delivery store's contract on Redis, each test under a namespace of its own. */
class RedisDeliveryRecordsTest extends DeliveryRecordsContract {
    @Override
    protected DeliveryRecords freshRecords(int logKeep) throws Exception {
        return new RedisDeliveryRecords(TestRedis.connection(), "test:" + UUID.randomUUID() + ":", logKeep);
    }
}
