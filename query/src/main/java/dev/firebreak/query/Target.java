package dev.firebreak.query;

import dev.firebreak.core.Mention;

/**
 * What a query is matched against: one mention, normalised once. The constructor normalises
 * {@code text} and {@code authorName} with {@link TextNormalizer#normalize} (a no-op, without copying,
 * when they already are), so {@link #text()} returns the normalised text; nulls read as "".
 */
public record Target(String text, String platform, String kind, String authorId, String authorName) {
    public Target {
        text = TextNormalizer.normalize(text);
        authorName = TextNormalizer.normalize(authorName);
        platform = platform == null ? "" : platform;
        kind = kind == null ? "" : kind;
        authorId = authorId == null ? "" : authorId;
    }

    public static Target of(Mention m) {
        String authorId = m.author() == null ? null : m.author().id();
        String authorName = m.author() == null ? null : m.author().name();
        return new Target(m.text(), m.platform().wireName(), m.kind().wireName(), authorId, authorName);
    }
}
