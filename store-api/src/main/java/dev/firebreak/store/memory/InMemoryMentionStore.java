package dev.firebreak.store.memory;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.query.Query;
import dev.firebreak.query.QueryMatcher;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.QuerySyntaxException;
import dev.firebreak.query.Target;
import dev.firebreak.store.MentionFilter;
import dev.firebreak.store.MentionStore;
import dev.firebreak.store.SearchResult;
import dev.firebreak.store.VolumeHistogram;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@link MentionStore} in the process's memory, matching with the query language's own
 * {@link QueryMatcher}: for tests and tools. As in the Lucene index, writes become visible at
 * {@link #commit}, and mentions of the same time keep the order they were last written in.
 */
public final class InMemoryMentionStore implements MentionStore {
    private static final Comparator<Stored> OLDEST_FIRST = Comparator.comparingLong(Stored::at);
    private static final Comparator<Stored> NEWEST_FIRST = OLDEST_FIRST.reversed();

    /** Committed mentions by id, in the order they were last written. */
    private final Map<String, Stored> mentions = new LinkedHashMap<>();
    private final Map<String, ScoredMention> pending = new LinkedHashMap<>();

    /** A mention with what matching needs, worked out once. */
    private record Stored(ScoredMention mention, Target target, long at) {
        static Stored of(ScoredMention m) {
            return new Stored(m, Target.of(m.mention()), m.mention().createdAt().toInstant().toEpochMilli());
        }
    }

    @Override
    public synchronized void upsert(Collection<ScoredMention> batch) {
        for (ScoredMention m : batch) {
            pending.remove(m.key());
            pending.put(m.key(), m);
        }
    }

    @Override
    public synchronized void commit() {
        for (ScoredMention m : pending.values()) {
            mentions.remove(m.key());
            mentions.put(m.key(), Stored.of(m));
        }
        pending.clear();
    }

    @Override
    public synchronized Optional<ScoredMention> get(String id) {
        return Optional.ofNullable(mentions.get(id)).map(Stored::mention);
    }

    @Override
    public synchronized long countId(String id) {
        return mentions.containsKey(id) ? 1 : 0;
    }

    @Override
    public synchronized long count() {
        return mentions.size();
    }

    @Override
    public long scan(long fromMillis, long toMillis, Consumer<ScoredMention> each) {
        List<Stored> inRange = select(s -> s.at() >= fromMillis && s.at() < toMillis);
        inRange.sort(OLDEST_FIRST);
        inRange.forEach(s -> each.accept(s.mention()));   // outside the lock, as the index reads a snapshot
        return inRange.size();
    }

    @Override
    public SearchResult newest(int limit) {
        return newestFirst(select(s -> true), limit);
    }

    @Override
    public List<ScoredMention> story(String storyId, int limit) {
        return select(s -> Objects.equals(storyId, s.mention().storyId())).stream()
                .limit(Math.max(1, limit)).map(Stored::mention).toList();
    }

    @Override
    public SearchResult search(String query, long fromMillis, long toMillis, int limit) {
        return search(query, MentionFilter.NONE, fromMillis, toMillis, limit);
    }

    @Override
    public SearchResult search(String query, MentionFilter filter, long fromMillis, long toMillis, int limit) {
        return newestFirst(select(matching(parse(query), filter, fromMillis, toMillis)), limit);
    }

    @Override
    public SearchResult search(Query query, long fromMillis, long toMillis, int limit) {
        return newestFirst(select(matching(query, MentionFilter.NONE, fromMillis, toMillis)), limit);
    }

    @Override
    public VolumeHistogram histogram(String query, MentionFilter filter, long fromMillis, long toMillis, int buckets) {
        long[] times = select(matching(parse(query), filter, fromMillis, toMillis)).stream().mapToLong(Stored::at).toArray();
        return VolumeHistogram.of(times, fromMillis, toMillis, buckets);
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    /** The parsed query, or null (all) for a blank one. */
    private static Query parse(String query) {
        if (query == null || query.isBlank()) return null;
        try {
            return QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Predicate<Stored> matching(Query query, MentionFilter filter, long fromMillis, long toMillis) {
        return s -> s.at() >= fromMillis && s.at() < toMillis && filter.accepts(s.mention())
                && (query == null || QueryMatcher.matches(query, s.target()));
    }

    private synchronized List<Stored> select(Predicate<Stored> which) {
        List<Stored> out = new ArrayList<>();
        for (Stored s : mentions.values()) {
            if (which.test(s)) out.add(s);
        }
        return out;
    }

    /** As the index answers: the total, and the first {@code limit} newest first (at least one unless 0). */
    private static SearchResult newestFirst(List<Stored> found, int limit) {
        found.sort(NEWEST_FIRST);
        int cap = limit == 0 ? 0 : Math.max(1, limit);
        return new SearchResult(found.size(), found.stream().limit(cap).map(Stored::mention).toList());
    }
}
