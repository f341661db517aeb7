package dev.firebreak.stories;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.EventClock;
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

    /** The defaults in event time, with stories not in memory rebuilt from {@code mentions}. */
    public static Stories over(MentionStore mentions) {
        return over(mentions, EventClock.eventTime(), BrandAccounts.NONE);
    }

    /**
     * The defaults, risk fading on {@code clock}, knowing the brand's own accounts (their posts join as
     * its responses), with stories not in memory rebuilt from {@code mentions}.
     */
    public static Stories over(MentionStore mentions, EventClock clock, BrandAccounts brand) {
        return new Stories(StoryAssigner.withDefaults(brand), new StoryBook(Forecaster.load(), IN_MEMORY, id -> {
            try {
                return mentions.story(id, StoryState.TRACKED);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read story " + id + " from the index", e);
            }
        }, clock, brand));
    }

    /** Mentions read back at start: the newest, up to this many. */
    static final int WARM_UP = 300_000;

    /**
     * After a restart: the originals of the week up to the newest mention (event time: the window a new
     * copy joins within) go back into the near-duplicate index, and their stories back into the book, so
     * copies still join old stories and the risk list holds what it held. It used to read back only the
     * stories of the last day, so a story a day older than the newest mention (a pushed one, another
     * feed's) left the list at a restart; a story quiet for a week has faded to e^-14 of its risk.
     * Returns how many mentions were read.
     */
    public int warmUp(MentionStore mentions) throws IOException {
        List<ScoredMention> newest = mentions.newest(WARM_UP).hits();
        if (newest.isEmpty()) return 0;
        long end = newest.get(0).mention().createdAt().toInstant().toEpochMilli();
        List<ScoredMention> week = new java.util.ArrayList<>();
        for (int i = newest.size() - 1; i >= 0; i--) {
            ScoredMention m = newest.get(i);
            long at = m.mention().createdAt().toInstant().toEpochMilli();
            if (at < end - StoryAssigner.WINDOW_MILLIS) continue;
            assigner.remember(m.mention(), m.storyId(), m.analysis());
            week.add(m);
        }
        book.record(week);
        return newest.size();
    }

    /** With nothing to rebuild from: for benchmarks and tests. */
    public static Stories inMemory(int capacity) {
        return inMemory(capacity, BrandAccounts.NONE);
    }

    /** As {@link #inMemory(int)}, knowing the brand's own accounts. */
    public static Stories inMemory(int capacity, BrandAccounts brand) {
        return new Stories(StoryAssigner.withDefaults(brand),
                new StoryBook(Forecaster.load(), capacity, id -> List.<ScoredMention>of(), EventClock.eventTime(), brand));
    }
}
