package dev.firebreak.core;

/** A mention after analysis, with the story it belongs to: what the index stores and rules read. */
public record ScoredMention(Mention mention, Analysis analysis, String storyId) {
    public String key() {
        return mention.key();
    }
}
