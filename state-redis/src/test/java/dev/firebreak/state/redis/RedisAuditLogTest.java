package dev.firebreak.state.redis;

import dev.firebreak.state.redis.testing.TestRedis;
import dev.firebreak.store.AuditLog;
import dev.firebreak.store.AuditLogContract;
import java.util.UUID;

/** The audit log's contract on Redis, each test under a namespace of its own. */
class RedisAuditLogTest extends AuditLogContract {
    @Override
    protected AuditLog freshLog(int cap) throws Exception {
        return new RedisAuditLog(TestRedis.connection(), "test:" + UUID.randomUUID() + ":", cap);
    }
}
