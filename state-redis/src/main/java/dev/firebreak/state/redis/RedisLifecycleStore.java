package dev.firebreak.state.redis;

import dev.firebreak.store.LifecycleStore;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** {@link LifecycleStore} in Redis, under the same namespace as the rest of the daemon's state. */
public final class RedisLifecycleStore implements LifecycleStore {
    // KEYS: lifecycle hash, versions hash, audit list, open set. ARGV: id, expected version, json, audit, open?
    private static final String TRANSITION =
            "local v = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') "
            + "if v ~= tonumber(ARGV[2]) then return 0 end "
            + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]); redis.call('HSET', KEYS[2], ARGV[1], v + 1) "
            + "redis.call('RPUSH', KEYS[3], ARGV[4]) "
            + "if ARGV[5] == '1' then redis.call('SADD', KEYS[4], ARGV[1]) else redis.call('SREM', KEYS[4], ARGV[1]) end "
            + "return 1";

    private final RedisAsyncCommands<String, String> redis;
    private final String ns;

    public RedisLifecycleStore(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.async();
        this.ns = namespace;
    }

    @Override
    public CompletionStage<Boolean> transition(String alertId, long expectedVersion, String lifecycleJson,
                                               String auditJson, boolean open) {
        CompletionStage<Long> done = redis.eval(TRANSITION, ScriptOutputType.INTEGER,
                new String[] {ns + "lifecycle", ns + "lifecycle-version", ns + "audit:" + alertId, ns + "open-alerts"},
                alertId, Long.toString(expectedVersion), lifecycleJson, auditJson, open ? "1" : "0");
        return done.thenApply(n -> n == 1);
    }

    @Override
    public CompletionStage<Optional<Versioned>> lifecycle(String alertId) {
        CompletionStage<String> json = redis.hget(ns + "lifecycle", alertId);
        CompletionStage<String> version = redis.hget(ns + "lifecycle-version", alertId);
        return json.thenCombine(version, (j, v) -> j == null ? Optional.<Versioned>empty()
                : Optional.of(new Versioned(Long.parseLong(v), j)));
    }

    @Override
    public CompletionStage<List<String>> audit(String alertId) {
        return redis.lrange(ns + "audit:" + alertId, 0, -1);
    }

    @Override
    public CompletionStage<Set<String>> openAlerts() {
        return redis.smembers(ns + "open-alerts").thenApply(HashSet::new);
    }

    @Override
    public CompletionStage<Void> saveEngineState(String json) {
        return redis.set(ns + "engine-state", json).thenApply(ok -> null);
    }

    @Override
    public CompletionStage<Optional<String>> engineState() {
        return redis.get(ns + "engine-state").thenApply(Optional::ofNullable);
    }

    @Override
    public CompletionStage<Long> recordRuleChange(String json) {
        return redis.rpush(ns + "rule-changes", json);
    }

    @Override
    public CompletionStage<List<String>> ruleChanges(int limit) {
        if (limit <= 0) {
            return java.util.concurrent.CompletableFuture.completedFuture(List.of());   // LRANGE -0 -1 would be all
        }
        return redis.lrange(ns + "rule-changes", -limit, -1).thenApply(list -> {
            java.util.Collections.reverse(list);
            return list;
        });
    }

    @Override
    public CompletionStage<Long> ruleChangeCount() {
        return redis.llen(ns + "rule-changes");
    }

    @Override
    public CompletionStage<Void> saveSilence(String id, String json) {
        return redis.hset(ns + "silences", id, json).thenApply(x -> null);
    }

    @Override
    public CompletionStage<Boolean> deleteSilence(String id) {
        return redis.hdel(ns + "silences", id).thenApply(n -> n > 0);
    }

    @Override
    public CompletionStage<List<String>> silences() {
        return redis.hvals(ns + "silences");
    }
}
