package dev.firebreak.core;

import java.time.OffsetDateTime;

/**
 * One item from a platform: a post, repost, comment, note or video. Immutable; its JSON form (these
 * fields by name, {@code createdAt} ISO-8601 with offset; platform, id, kind, text, createdAt and author
 * required) is what push ingest and replay files carry, read and written by {@link MentionCodec}.
 * {@link #key()} is the id every pipeline step is idempotent on.
 */
public record Mention(
        Platform platform,
        String id,
        Kind kind,
        String text,
        OffsetDateTime createdAt,
        Author author,
        String parentId,
        String rootId,
        String url,
        Metrics metrics) {

    public Mention {
        metrics = metrics == null ? Metrics.ZERO : metrics;
    }

    /** {@code platform:nativeId}, unique across platforms. */
    public String key() {
        return key(platform, id);
    }

    public static String key(Platform platform, String nativeId) {
        return platform.wireName() + ":" + nativeId;
    }

    /** The key of the post this one ultimately answers or repeats, or its own key if it is an original. */
    public String rootKey() {
        if (rootId != null && !rootId.isBlank()) {
            return key(platform, rootId);
        }
        if (parentId != null && !parentId.isBlank()) {
            return key(platform, parentId);
        }
        return key();
    }
}
