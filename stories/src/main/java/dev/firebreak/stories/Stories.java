package dev.firebreak.stories;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import dev.firebreak.stories.virality.Forecaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The story stage: who joins which story, and what each story looks like now. */
public record Stories(StoryAssigner assigner, StoryBook book) {
    /** Stories held in memory at once; others are rebuilt from the mention store when needed. */
    public static final int IN_MEMORY = 50_000;

    /** The defaults, with stories not in memory rebuilt from {@code mentions}. */
    public static Stories over(MentionStore mentions) {
        return over(mentions, BrandAccounts.NONE);
    }

    /** As {@link #over(MentionStore)}, knowing the brand's own accounts: their posts join as its responses. */
    public static Stories over(MentionStore mentions, BrandAccounts brand) {
        return new Stories(StoryAssigner.withDefaults(brand), new StoryBook(Forecaster.load(), IN_MEMORY, id -> {
            try {
                return mentions.story(id, StoryState.TRACKED);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read story " + id + " from the index", e);
            }
        }, brand));
    }

    /** Mentions read back at start: the newest, up to this many. */
    static final int WARM_UP = 300_000;

    /**
     * After a restart: the originals of the last week (event time, up to the newest mention) go back
     * into the near-duplicate index, and the stories of the last day back into the book, so copies
     * still join old stories and the risk list is whole. Returns how many mentions were read.
     */
    public int warmUp(MentionStore mentions) throws IOException {
        List<ScoredMention> newest = mentions.newest(WARM_UP).hits();
        if (newest.isEmpty()) return 0;
        long watermark = newest.get(0).mention().createdAt().toInstant().toEpochMilli();
        List<ScoredMention> lastDay = new java.util.ArrayList<>();
        for (int i = newest.size() - 1; i >= 0; i--) {
            ScoredMention m = newest.get(i);
            long at = m.mention().createdAt().toInstant().toEpochMilli();
            if (at < watermark - StoryAssigner.WINDOW_MILLIS) continue;
            assigner.remember(m.mention(), m.storyId(), m.analysis());
            if (at >= watermark - 24 * 3_600_000L) lastDay.add(m);
        }
        book.record(lastDay);
        return newest.size();
    }

    /** With nothing to rebuild from: for benchmarks and tests. */
    public static Stories inMemory(int capacity) {
        return inMemory(capacity, BrandAccounts.NONE);
    }

    /** As {@link #inMemory(int)}, knowing the brand's own accounts. */
    public static Stories inMemory(int capacity, BrandAccounts brand) {
        return new Stories(StoryAssigner.withDefaults(brand),
                new StoryBook(Forecaster.load(), capacity, id -> List.<ScoredMention>of(), brand));
    }
}
