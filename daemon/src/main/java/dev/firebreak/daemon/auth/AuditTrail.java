package dev.firebreak.daemon.auth;

import dev.firebreak.store.AuditLog;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Two capped logs, newest first: what admins changed ({@code admin}) and the requests that were
 * refused ({@code denied}), kept in an {@link AuditLog} made with {@link #CAP}. Entries never hold a token.
 */
public final class AuditTrail {
    /** Entries kept per log; older ones fall off. */
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

    private final AuditLog log;

    /** Over a log that keeps {@link #CAP} entries per log. */
    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    public CompletionStage<Void> append(Kind kind, JsonObject entry) {
        return log.append(kind.key(), entry.encode());
    }

    public CompletionStage<List<JsonObject>> latest(Kind kind, int limit) {
        return log.latest(kind.key(), limit).thenApply(list -> list.stream().map(JsonObject::new).toList());
    }
}
