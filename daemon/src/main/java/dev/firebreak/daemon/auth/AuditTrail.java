package dev.firebreak.daemon.auth;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Two capped lists in Redis, newest first: what admins changed ({@code audit-log:admin}) and the
 * requests that were refused ({@code audit-log:denied}). Entries never hold a token.
 */
public final class AuditTrail {
    /** Entries kept per list; older ones fall off. */
    static final int CAP = 10_000;

    public enum Kind {
        ADMIN, DENIED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.key().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind: unknown kind \"" + text + "\" (expected admin or denied)");
        }
    }

    private final RedisAsyncCommands<String, String> redis;
    private final String ns;

    public AuditTrail(StatefulRedisConnection<String, String> connection, String namespace) {
        this.redis = connection.async();
        this.ns = namespace;
    }

    public CompletionStage<Void> append(Kind kind, JsonObject entry) {
        String key = key(kind);
        return redis.lpush(key, entry.encode()).thenCompose(n -> redis.ltrim(key, 0, CAP - 1)).thenApply(ok -> null);
    }

    public CompletionStage<List<JsonObject>> latest(Kind kind, int limit) {
        return redis.lrange(key(kind), 0, limit - 1L).thenApply(list -> list.stream().map(JsonObject::new).toList());
    }

    private String key(Kind kind) {
        return ns + "audit-log:" + kind.key();
    }
}
