package dev.firebreak.state.redis;

import dev.firebreak.store.ServiceClockRecords;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Optional;

/**
 * {@link ServiceClockRecords} in Redis under the namespace: the hash {@code clocks} (alert id to JSON),
 * the set {@code clocks:pending} and a set {@code clocks:story:<id>} per story. Written in that order,
 * so a save cut short leaves at worst an extra story entry or a stale pending mark, both put right by
 * the next save of the same alert (the connection is shared, so no MULTI).
 */
public final class RedisServiceClockRecords implements ServiceClockRecords {
    private final RedisCommands<String, String> redis;
    private final String key;

    public RedisServiceClockRecords(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.sync();
        this.key = namespace + "clocks";
    }

    @Override
    public void save(String alertId, String storyId, String json, boolean pending) {
        if (storyId != null) redis.sadd(key + ":story:" + storyId, alertId);
        redis.hset(key, alertId, json);
        if (pending) redis.sadd(key + ":pending", alertId);
        else redis.srem(key + ":pending", alertId);
    }

    @Override
    public Optional<String> get(String alertId) {
        return Optional.ofNullable(redis.hget(key, alertId));
    }

    @Override
    public List<String> pending() {
        var ids = redis.smembers(key + ":pending");
        if (ids.isEmpty()) return List.of();
        return redis.hmget(key, ids.toArray(String[]::new)).stream().filter(kv -> kv.hasValue()).map(kv -> kv.getValue())
                .toList();
    }

    @Override
    public List<String> ofStory(String storyId) {
        return List.copyOf(redis.smembers(key + ":story:" + storyId));
    }
}
