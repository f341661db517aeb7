package dev.firebreak.state.redis;

import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link StateStore} on Redis through Lettuce's async API, over the process's one shared connection.
 * Keys live under a namespace (default {@code fb:}) so tests and several brands can share a server.
 */
public final class RedisStateStore implements StateStore {
    // HSETNX + INCR + ZADD in one script: an alert is recorded and placed in the feed, or neither.
    private static final String RECORD_ALERT =
            "if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then "
            + "local seq = redis.call('INCR', KEYS[2]); redis.call('ZADD', KEYS[3], seq, ARGV[1]); return seq "
            + "else return 0 end";
    private static final String UPDATE_ALERT =
            "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then "
            + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]); "
            + "local seq = redis.call('INCR', KEYS[2]); redis.call('ZADD', KEYS[3], seq, ARGV[1]); return seq "
            + "else return 0 end";
    // SET NX of each KEYS[i] to ARGV[i]: a root's first link stays (as the per-key SET NX it replaces).
    private static final String SAVE_LINKS =
            "for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i], 'NX') end return #KEYS";
    // Reads ids from the feed log and their JSON in one round trip: {seq, json, seq, json, ...}.
    private static final String READ_FEED =
            "local ids = ARGV[1] == 'after' "
            + "and redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[2], '+inf', 'WITHSCORES', 'LIMIT', 0, ARGV[3]) "
            + "or redis.call('ZREVRANGE', KEYS[2], 0, tonumber(ARGV[3]) - 1, 'WITHSCORES') "
            + "local out = {} "
            + "for i = 1, #ids, 2 do out[#out + 1] = ids[i + 1]; out[#out + 1] = redis.call('HGET', KEYS[1], ids[i]) end "
            + "return out";

    private final RedisAsyncCommands<String, String> redis;
    private final String cursors;
    private final String seen;
    private final String alerts;
    private final String alertSeq;
    private final String alertLog;
    private final String namespace;

    public RedisStateStore(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.async();
        this.cursors = namespace + "cursors";
        this.seen = namespace + "seen";
        this.alerts = namespace + "alerts";
        this.alertSeq = namespace + "alerts:seq";
        this.alertLog = namespace + "alerts:log";
        this.namespace = namespace;
    }

    @Override
    public CompletionStage<Optional<String>> cursor(String feed) {
        return redis.hget(cursors, feed).thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Void> saveCursor(String feed, String cursor) {
        return redis.hset(cursors, feed, cursor).thenApply(x -> null);
    }

    @Override
    public CompletionStage<java.util.Map<String, String>> storyLinks(Collection<String> rootKeys) {
        if (rootKeys.isEmpty()) {
            return CompletableFuture.completedFuture(java.util.Map.of());
        }
        List<String> roots = List.copyOf(rootKeys);
        return redis.mget(roots.stream().map(r -> namespace + "story-link:" + r).toArray(String[]::new)).thenApply(values -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            for (int i = 0; i < roots.size(); i++) {
                if (values.get(i).hasValue()) {
                    out.put(roots.get(i), values.get(i).getValue());
                }
            }
            return out;
        });
    }

    @Override
    public CompletionStage<Void> saveStoryLinks(java.util.Map<String, String> links) {
        if (links.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // One script for the batch's links, not a SET per link: one round trip whatever the batch.
        List<String> keys = new ArrayList<>(links.size());
        List<String> values = new ArrayList<>(links.size());
        links.forEach((root, story) -> {
            keys.add(namespace + "story-link:" + root);
            values.add(story);
        });
        CompletionStage<Long> done = redis.eval(SAVE_LINKS, ScriptOutputType.INTEGER, keys.toArray(String[]::new),
                values.toArray(String[]::new));
        return done.thenApply(n -> null);
    }

    @Override
    public CompletionStage<Set<String>> seen(Collection<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        List<String> ids = List.copyOf(mentionIds);
        return redis.smismember(seen, ids.toArray(String[]::new)).thenApply(flags -> {
            Set<String> out = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (Boolean.TRUE.equals(flags.get(i))) {
                    out.add(ids.get(i));
                }
            }
            return out;
        });
    }

    @Override
    public CompletionStage<Void> markSeen(Collection<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.sadd(seen, mentionIds.toArray(String[]::new)).thenApply(x -> null);
    }

    @Override
    public CompletionStage<OptionalLong> recordAlert(String alertId, String json) {
        CompletionStage<Long> seq = redis.eval(RECORD_ALERT, ScriptOutputType.INTEGER,
                new String[] {alerts, alertSeq, alertLog}, alertId, json);
        return seq.thenApply(n -> n == 0 ? OptionalLong.empty() : OptionalLong.of(n));
    }

    @Override
    public CompletionStage<OptionalLong> updateAlert(String alertId, String json) {
        CompletionStage<Long> seq = redis.eval(UPDATE_ALERT, ScriptOutputType.INTEGER,
                new String[] {alerts, alertSeq, alertLog}, alertId, json);
        return seq.thenApply(n -> n == 0 ? OptionalLong.empty() : OptionalLong.of(n));
    }

    @Override
    public CompletionStage<java.util.Optional<String>> alert(String alertId) {
        return redis.hget(alerts, alertId).thenApply(java.util.Optional::ofNullable);
    }

    @Override
    public CompletionStage<List<RecordedAlert>> alertsAfter(long seq, int limit) {
        return readFeed("after", seq, limit);
    }

    @Override
    public CompletionStage<List<RecordedAlert>> latestAlerts(int limit) {
        return readFeed("latest", 0, limit);
    }

    private CompletionStage<List<RecordedAlert>> readFeed(String mode, long seq, int limit) {
        if (limit <= 0) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletionStage<List<Object>> flat = redis.eval(READ_FEED, ScriptOutputType.MULTI,
                new String[] {alerts, alertLog}, mode, Long.toString(seq), Integer.toString(limit));
        return flat.thenApply(values -> {
            List<RecordedAlert> out = new ArrayList<>(values.size() / 2);
            for (int i = 0; i + 1 < values.size(); i += 2) {
                out.add(new RecordedAlert(Long.parseLong(String.valueOf(values.get(i))), String.valueOf(values.get(i + 1))));
            }
            return out;
        });
    }

    @Override
    public CompletionStage<Long> lastSeq() {
        return redis.get(alertSeq).thenApply(v -> v == null ? 0L : Long.parseLong(v));
    }

    @Override
    public CompletionStage<Void> touchWatched(String platform, Collection<String> nativeIds, long nowMillis) {
        if (nativeIds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Object[] scored = new Object[nativeIds.size() * 2];
        int i = 0;
        for (String id : nativeIds) {
            scored[i++] = (double) nowMillis;
            scored[i++] = id;
        }
        return redis.zadd(namespace + "watch:" + platform, scored).thenApply(x -> null);
    }

    @Override
    public CompletionStage<java.util.LinkedHashMap<String, Long>> watched(String platform, long sinceMillis, int limit) {
        if (limit <= 0) {
            return CompletableFuture.completedFuture(new java.util.LinkedHashMap<>());   // a negative LIMIT would be all
        }
        return redis.zrevrangebyscoreWithScores(namespace + "watch:" + platform,
                io.lettuce.core.Range.create((double) sinceMillis, Double.POSITIVE_INFINITY),
                io.lettuce.core.Limit.create(0, limit)).thenApply(list -> {
                    java.util.LinkedHashMap<String, Long> out = new java.util.LinkedHashMap<>();
                    list.forEach(sv -> out.put(sv.getValue(), (long) sv.getScore()));
                    return out;
                });
    }

    @Override
    public CompletionStage<Void> recordObservations(Collection<dev.firebreak.core.CounterObservation> observations) {
        List<CompletableFuture<Long>> writes = new ArrayList<>();
        for (var o : observations) {
            writes.add(redis.zadd(namespace + "obs:" + o.mentionKey(),
                    (double) o.observedAt().toInstant().toEpochMilli(),
                    dev.firebreak.core.FirebreakJson.write(o)).toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletionStage<List<String>> observations(String mentionKey) {
        return redis.zrange(namespace + "obs:" + mentionKey, 0, -1);
    }

    @Override
    public CompletionStage<Boolean> firstDelivery(String source, String deliveryId) {
        return redis.set(namespace + "delivery:" + source + ":" + deliveryId, "1",
                io.lettuce.core.SetArgs.Builder.nx().ex(86_400)).thenApply("OK"::equals);
    }

    @Override
    public CompletionStage<Void> forgetDelivery(String source, String deliveryId) {
        return redis.del(namespace + "delivery:" + source + ":" + deliveryId).thenApply(x -> null);
    }

    @Override
    public CompletionStage<Boolean> ping() {
        return redis.ping().thenApply("PONG"::equals);
    }

    /** The connection belongs to {@link RedisService}; the store only stops using it. */
    @Override
    public void close() {
        // nothing to release: the shared connection is closed by its owner
    }
}
