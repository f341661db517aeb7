package dev.firebreak.state.redis;

import dev.firebreak.store.SubscriptionRecords;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;

/** {@link SubscriptionRecords} as one Redis hash, {@code subscriptions} under the namespace (id -> JSON). */
public final class RedisSubscriptionRecords implements SubscriptionRecords {
    private final RedisCommands<String, String> redis;
    private final String key;

    public RedisSubscriptionRecords(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.sync();
        this.key = namespace + "subscriptions";
    }

    @Override
    public List<String> all() {
        return redis.hvals(key);
    }

    @Override
    public void save(String id, String json) {
        redis.hset(key, id, json);
    }

    @Override
    public void delete(String id) {
        redis.hdel(key, id);
    }
}
