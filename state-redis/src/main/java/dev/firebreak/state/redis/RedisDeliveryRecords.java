package dev.firebreak.state.redis;

import dev.firebreak.store.DeliveryRecords;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DeliveryRecords} in Redis, under the daemon's namespace: each delivery's JSON ({@code deliveries}),
 * each endpoint's queue in order ({@code delivery-queue:EP}, a sorted set by a global counter), its
 * dead letters, its log of recent deliveries, its state and its sends of the last minute, each
 * delivery's attempts, and which endpoints hold each alert.
 */
public final class RedisDeliveryRecords implements DeliveryRecords {
    static final long HOLDERS_TTL_SECONDS = 30L * 24 * 3600;
    // KEYS: deliveries hash, endpoint queue, order counter, endpoint log, endpoint dead letters.
    // ARGV: id, json, createdAt, log keep, attempts key prefix. Deliveries that fall off the log are
    // forgotten with their attempts, unless still pending or dead (those stay until they are done).
    private static final String ENQUEUE =
            "if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end "
            + "redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1]) "
            + "redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1]) "
            + "local old = redis.call('ZRANGE', KEYS[4], 0, -tonumber(ARGV[4]) - 1) "
            + "for _, id in ipairs(old) do "
            + "  if not redis.call('ZSCORE', KEYS[2], id) and not redis.call('ZSCORE', KEYS[5], id) then "
            + "    redis.call('HDEL', KEYS[1], id); redis.call('DEL', ARGV[5] .. id) end "
            + "  redis.call('ZREM', KEYS[4], id) end "
            + "return 1";

    private final RedisCommands<String, String> redis;
    private final String ns;
    private final int logKeep;

    public RedisDeliveryRecords(StatefulRedisConnection<String, String> connection, String namespace) {
        this(connection, namespace, LOG_KEEP);
    }

    /** {@code logKeep}: how many of each endpoint's latest deliveries are kept once done. */
    public RedisDeliveryRecords(StatefulRedisConnection<String, String> connection, String namespace, int logKeep) {
        this.redis = connection.sync();
        this.ns = namespace;
        this.logKeep = logKeep;
    }

    @Override
    public boolean enqueue(String endpoint, String id, String json, long createdAt) {
        Long added = redis.eval(ENQUEUE, ScriptOutputType.INTEGER,
                new String[] {ns + "deliveries", queue(endpoint), ns + "delivery-order", log(endpoint), dead(endpoint)},
                id, json, Long.toString(createdAt), Integer.toString(logKeep), ns + "delivery-attempts:");
        return added != null && added == 1;
    }

    @Override
    public List<String> pending(String endpoint) {
        return load(redis.zrange(queue(endpoint), 0, -1));
    }

    @Override
    public int pendingCount(String endpoint) {
        return redis.zcard(queue(endpoint)).intValue();
    }

    @Override
    public Optional<String> get(String id) {
        return Optional.ofNullable(redis.hget(ns + "deliveries", id));
    }

    @Override
    public List<String> recent(String endpoint, int limit) {
        return load(redis.zrevrange(log(endpoint), 0, limit - 1));
    }

    @Override
    public void save(String id, String json) {
        redis.hset(ns + "deliveries", id, json);
    }

    @Override
    public void finish(String endpoint, String id, String json, boolean dead, long finishedAt) {
        save(id, json);
        redis.zrem(queue(endpoint), id);
        if (dead) {
            redis.zadd(dead(endpoint), finishedAt, id);
        } else if (redis.zscore(log(endpoint), id) == null) {
            forget(id);   // fell off the log while it was pending: nothing lists it any more
        }
    }

    @Override
    public void requeue(String endpoint, String id, String json) {
        save(id, json);
        redis.zrem(dead(endpoint), id);
        redis.zadd(queue(endpoint), redis.incr(ns + "delivery-order"), id);
    }

    private void forget(String id) {
        redis.hdel(ns + "deliveries", id);
        redis.del(ns + "delivery-attempts:" + id);
    }

    @Override
    public long size() {
        return redis.hlen(ns + "deliveries");
    }

    @Override
    public List<String> deadLetters(String endpoint) {
        return load(redis.zrange(dead(endpoint), 0, -1));
    }

    @Override
    public int deadCount(String endpoint) {
        return redis.zcard(dead(endpoint)).intValue();
    }

    @Override
    public void attempt(String id, String attemptJson) {
        redis.rpush(ns + "delivery-attempts:" + id, attemptJson);
        redis.ltrim(ns + "delivery-attempts:" + id, -ATTEMPTS_KEEP, -1);
    }

    @Override
    public List<String> attempts(String id) {
        return redis.lrange(ns + "delivery-attempts:" + id, 0, -1);
    }

    @Override
    public Optional<String> endpointState(String endpoint) {
        return Optional.ofNullable(redis.hget(ns + "delivery-endpoints", endpoint));
    }

    @Override
    public void saveEndpointState(String endpoint, String json) {
        redis.hset(ns + "delivery-endpoints", endpoint, json);
    }

    @Override
    public void sent(String endpoint, String messageId, long now) {
        redis.zadd(ns + "delivery-sent:" + endpoint, now, messageId + "@" + now);
    }

    @Override
    public List<Long> sentSince(String endpoint, long since) {
        String key = ns + "delivery-sent:" + endpoint;
        redis.zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY, (double) since));
        return redis.zrangeWithScores(key, 0, -1).stream().map(s -> (long) s.getScore()).toList();
    }

    @Override
    public Set<String> hold(String alertId, List<String> endpoints) {
        String key = ns + "alert-endpoints:" + alertId;
        if (!endpoints.isEmpty()) {
            redis.sadd(key, endpoints.toArray(String[]::new));
            redis.expire(key, HOLDERS_TTL_SECONDS);   // follow-ups of an alert a month old are not expected
        }
        return redis.smembers(key);
    }

    @Override
    public Set<String> holders(String alertId) {
        return redis.smembers(ns + "alert-endpoints:" + alertId);
    }

    @Override
    public void dropQueue(String endpoint) {
        redis.del(queue(endpoint));
    }

    private List<String> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        redis.hmget(ns + "deliveries", ids.toArray(String[]::new)).forEach(kv -> {
            if (kv.hasValue()) {
                out.add(kv.getValue());
            }
        });
        return out;
    }

    private String queue(String endpoint) {
        return ns + "delivery-queue:" + endpoint;
    }

    private String dead(String endpoint) {
        return ns + "dead-letters:" + endpoint;
    }

    private String log(String endpoint) {
        return ns + "delivery-log:" + endpoint;
    }
}
