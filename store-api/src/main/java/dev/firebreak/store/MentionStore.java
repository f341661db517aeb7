package dev.firebreak.store;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.query.Query;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where scored mentions are kept and searched. Writes are upserts by id, made durable and visible to
 * reads by {@link #commit}. Searches take the keyword query language ({@code dev.firebreak.query}) and
 * select exactly the mentions its {@code QueryMatcher} matches. Times are epoch millis of event time,
 * ranges half-open [from, to). Blocking: call from a worker, never from an event loop.
 */
public interface MentionStore extends Closeable {

    /** Adds or replaces each mention by its id. Not durable (nor surely visible) until {@link #commit}. */
    void upsert(Collection<ScoredMention> mentions) throws IOException;

    /** Makes every write so far durable, then visible to reads. */
    void commit() throws IOException;

    /**
     * Makes every write so far visible to reads without making it durable (near-real-time; much cheaper
     * than {@link #commit}, which fsyncs). Stores whose writes are visible at once need do nothing more.
     */
    default void refresh() throws IOException {
        commit();
    }

    Optional<ScoredMention> get(String id) throws IOException;

    /** How many mentions carry this id: 1 when stored once, 0 when missing. */
    long countId(String id) throws IOException;

    long count() throws IOException;

    /**
     * Which of these ids the store holds (committed), in one lookup: the dedup stage asks it about the
     * ids the seen-set marks, so a mention lost from the index (a deleted folder, a restore) is put back.
     */
    default java.util.Set<String> presentIds(Collection<String> ids) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String id : ids) {
            if (countId(id) > 0) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Every mention created in [fromMillis, toMillis), oldest first (ties in the order they were last
     * written), in pages, so a backtest over millions never holds them all. Returns how many were read.
     */
    long scan(long fromMillis, long toMillis, Consumer<ScoredMention> each) throws IOException;

    /** The newest {@code limit} mentions of all (and how many there are): for warming caches at start. */
    SearchResult newest(int limit) throws IOException;

    /**
     * Up to {@code limit} mentions of a story, in no particular order: what a story is rebuilt from.
     * Unsorted, because a brand-new story asks this once and usually finds nothing.
     */
    List<ScoredMention> story(String storyId, int limit) throws IOException;

    /**
     * Mentions matching a query (for example {@code 退款 NEAR/5 客服 platform:weibo}; blank means all)
     * within [fromMillis, toMillis), newest first: the same mentions a rule with that query matches.
     *
     * @throws IllegalArgumentException if the query does not parse; the message is the parser's
     *     ({@code column N: ...}), meant for the user
     */
    SearchResult search(String query, long fromMillis, long toMillis, int limit) throws IOException;

    /** {@link #search(String, long, long, int)} narrowed by filters the query language has no field for. */
    SearchResult search(String query, MentionFilter filter, long fromMillis, long toMillis, int limit) throws IOException;

    /** {@link #search(String, long, long, int)} for a query parsed already (a rule's, for a backtest). */
    SearchResult search(Query query, long fromMillis, long toMillis, int limit) throws IOException;

    /**
     * How many mentions match, per slice of time, in {@code buckets} equal slices of [fromMillis, toMillis)
     * (an open end is the oldest or newest match). Query errors as in {@link #search(String, long, long, int)}.
     */
    VolumeHistogram histogram(String query, MentionFilter filter, long fromMillis, long toMillis, int buckets)
            throws IOException;
}
