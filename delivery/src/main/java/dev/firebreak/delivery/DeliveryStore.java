package dev.firebreak.delivery;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deliveries in Redis, under the daemon's namespace: each delivery's JSON ({@code deliveries}),
 * each endpoint's queue in order ({@code delivery-queue:EP}, a sorted set by a global counter), its
 * dead letters, its log of recent deliveries, its state and its sends of the last minute, each
 * delivery's attempts, and which endpoints hold each alert. Blocking calls: never on an event loop.
 */
public final class DeliveryStore {
    static final int LOG_KEEP = 2_000;
    static final int ATTEMPTS_KEEP = 50;
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

    public DeliveryStore(StatefulRedisConnection<String, String> connection, String namespace) {
        this(connection, namespace, LOG_KEEP);
    }

    /** {@code logKeep}: how many of each endpoint's latest deliveries are kept for the API once done. */
    DeliveryStore(StatefulRedisConnection<String, String> connection, String namespace, int logKeep) {
        this.redis = connection.sync();
        this.ns = namespace;
        this.logKeep = logKeep;
    }

    /** Queues a delivery once under its id; false when it was queued before (a repeat notify). */
    public boolean enqueue(Delivery d) {
        TrackedDelivery t = new TrackedDelivery(d);
        Long added = redis.eval(ENQUEUE, ScriptOutputType.INTEGER,
                new String[] {ns + "deliveries", queue(d.endpointId()), ns + "delivery-order", ns + "delivery-log:" + d.endpointId(),
                    dead(d.endpointId())},
                d.id(), t.toJson().encode(), Long.toString(d.createdAt()), Integer.toString(logKeep), ns + "delivery-attempts:");
        return added != null && added == 1;
    }

    /** The endpoint's pending deliveries, in the order they were queued. */
    public List<TrackedDelivery> pending(String endpoint) {
        return load(redis.zrange(queue(endpoint), 0, -1));
    }

    public int pendingCount(String endpoint) {
        return redis.zcard(queue(endpoint)).intValue();
    }

    public TrackedDelivery get(String id) {
        String json = redis.hget(ns + "deliveries", id);
        return json == null ? null : TrackedDelivery.fromJson(json);
    }

    /** The endpoint's latest deliveries, newest first. */
    public List<TrackedDelivery> recent(String endpoint, int limit) {
        return load(redis.zrevrange(ns + "delivery-log:" + endpoint, 0, limit - 1));
    }

    public void save(TrackedDelivery t) {
        redis.hset(ns + "deliveries", t.id(), t.toJson().encode());
    }

    /** Saves a delivery that is done (delivered or dead) and takes it off the queue; dead ones are listed. */
    public void finish(TrackedDelivery t) {
        save(t);
        redis.zrem(queue(t.delivery().endpointId()), t.id());
        if (TrackedDelivery.DEAD.equals(t.status)) {
            redis.zadd(dead(t.delivery().endpointId()), t.finishedAt, t.id());
        } else if (redis.zscore(ns + "delivery-log:" + t.delivery().endpointId(), t.id()) == null) {
            forget(t.id());   // fell off the log while it was pending: nothing lists it any more
        }
    }

    /** Puts a dead letter back at the end of its endpoint's queue, with its failures forgotten. */
    public TrackedDelivery revive(String id, long now) {
        TrackedDelivery t = get(id);
        if (t == null || !TrackedDelivery.DEAD.equals(t.status)) {
            return null;
        }
        t.status = TrackedDelivery.PENDING;
        t.failures = 0;
        t.nextAt = now;
        t.finishedAt = 0;
        save(t);
        redis.zrem(dead(t.delivery().endpointId()), id);
        redis.zadd(queue(t.delivery().endpointId()), redis.incr(ns + "delivery-order"), id);
        return t;
    }

    private void forget(String id) {
        redis.hdel(ns + "deliveries", id);
        redis.del(ns + "delivery-attempts:" + id);
    }

    /** How many deliveries Redis holds in all (pending, dead and the logged ones). */
    long size() {
        return redis.hlen(ns + "deliveries");
    }

    public List<TrackedDelivery> deadLetters(String endpoint) {
        return load(redis.zrange(dead(endpoint), 0, -1));
    }

    public int deadCount(String endpoint) {
        return redis.zcard(dead(endpoint)).intValue();
    }

    public void attempt(String id, JsonObject attempt) {
        redis.rpush(ns + "delivery-attempts:" + id, attempt.encode());
        redis.ltrim(ns + "delivery-attempts:" + id, -ATTEMPTS_KEEP, -1);
    }

    public List<JsonObject> attempts(String id) {
        return redis.lrange(ns + "delivery-attempts:" + id, 0, -1).stream().map(JsonObject::new).toList();
    }

    public EndpointState endpointState(String endpoint) {
        return EndpointState.fromJson(redis.hget(ns + "delivery-endpoints", endpoint));
    }

    public void saveEndpointState(String endpoint, EndpointState state) {
        redis.hset(ns + "delivery-endpoints", endpoint, state.toJson().encode());
    }

    /** Counts a message sent now toward the endpoint's rolling minute. */
    public void sent(String endpoint, String messageId, long now) {
        redis.zadd(ns + "delivery-sent:" + endpoint, now, messageId + "@" + now);
    }

    /** The times of the messages sent in the minute before {@code now}, oldest first. */
    public List<Long> sentSince(String endpoint, long since) {
        String key = ns + "delivery-sent:" + endpoint;
        redis.zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY, (double) since));
        return redis.zrangeWithScores(key, 0, -1).stream().map(s -> (long) s.getScore()).toList();
    }

    /** Adds endpoints to those holding an alert; answers every endpoint holding it now. */
    public Set<String> hold(String alertId, List<String> endpoints) {
        String key = ns + "alert-endpoints:" + alertId;
        if (!endpoints.isEmpty()) {
            redis.sadd(key, endpoints.toArray(String[]::new));
            redis.expire(key, HOLDERS_TTL_SECONDS);   // follow-ups of an alert a month old are not expected
        }
        return redis.smembers(key);
    }

    public Set<String> holders(String alertId) {
        return redis.smembers(ns + "alert-endpoints:" + alertId);
    }

    /** Forgets an endpoint's queue (a deleted subscription): its pending deliveries are not sent. */
    public void dropQueue(String endpoint) {
        redis.del(queue(endpoint));
    }

    RedisCommands<String, String> redis() {
        return redis;
    }

    String namespace() {
        return ns;
    }

    private List<TrackedDelivery> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<TrackedDelivery> out = new ArrayList<>();
        redis.hmget(ns + "deliveries", ids.toArray(String[]::new)).forEach(kv -> {
            if (kv.hasValue()) {
                out.add(TrackedDelivery.fromJson(kv.getValue()));
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
}
