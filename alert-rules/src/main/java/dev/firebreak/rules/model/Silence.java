package dev.firebreak.rules.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone saying "not about this, for now": mentions matching {@code match} (a keyword query; null
 * for any mention) raise no new alert from rule {@code ruleId} (null: from any rule) from
 * {@code createdAt} until {@code expiresAt} (exclusive). At least one of match and ruleId is set.
 */
public record Silence(String id, String match, String ruleId, String reason, String creator, Instant createdAt,
                      Instant expiresAt) {
    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (blank(match) && blank(ruleId)) {
            throw new IllegalArgumentException("silence \"" + id + "\": give a match, a ruleId or both");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("silence \"" + id + "\": expiresAt must come after createdAt");
        }
        match = blank(match) ? null : match;
        ruleId = blank(ruleId) ? null : ruleId;
    }

    public boolean activeAt(Instant at) {
        return !at.isBefore(createdAt) && at.isBefore(expiresAt);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
