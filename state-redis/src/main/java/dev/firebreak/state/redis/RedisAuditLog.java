package dev.firebreak.state.redis;

import dev.firebreak.store.AuditLog;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link AuditLog} as capped Redis lists, {@code audit-log:<log>} under the namespace, newest first. */
public final class RedisAuditLog implements AuditLog {
    private final RedisAsyncCommands<String, String> redis;
    private final String ns;
    private final int cap;

    public RedisAuditLog(StatefulRedisConnection<String, String> connection, String namespace, int cap) {
        this.redis = connection.async();
        this.ns = namespace;
        this.cap = cap;
    }

    @Override
    public CompletionStage<Void> append(String log, String entryJson) {
        String key = key(log);
        return redis.lpush(key, entryJson).thenCompose(n -> redis.ltrim(key, 0, cap - 1L)).thenApply(ok -> null);
    }

    @Override
    public CompletionStage<List<String>> latest(String log, int limit) {
        if (limit <= 0) {
            return CompletableFuture.completedFuture(List.of());   // LRANGE 0 -1 would be all
        }
        return redis.lrange(key(log), 0, limit - 1L);
    }

    private String key(String log) {
        return ns + "audit-log:" + log;
    }
}
