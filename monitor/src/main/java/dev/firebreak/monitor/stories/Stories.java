package dev.firebreak.monitor.stories;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.index.MentionIndex;
import dev.firebreak.monitor.virality.Forecaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The story stage: who joins which story, and what each story looks like now. */
public record Stories(StoryAssigner assigner, StoryBook book) {
    /** Stories held in memory at once; others are rebuilt from the index when needed. */
    public static final int IN_MEMORY = 50_000;

    /** The defaults, with stories not in memory rebuilt from {@code index}. */
    public static Stories over(MentionIndex index) {
        return new Stories(StoryAssigner.withDefaults(), new StoryBook(Forecaster.load(), IN_MEMORY, id -> {
            try {
                return index.story(id, StoryState.TRACKED).hits();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read story " + id + " from the index", e);
            }
        }));
    }

    /** With nothing to rebuild from: for benchmarks and tests. */
    public static Stories inMemory(int capacity) {
        return new Stories(StoryAssigner.withDefaults(), new StoryBook(Forecaster.load(), capacity, id -> List.<ScoredMention>of()));
    }
}
