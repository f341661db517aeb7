package dev.firebreak.index.lucene;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.QuerySyntaxException;
import dev.firebreak.store.MentionFilter;
import dev.firebreak.store.MentionStore;
import dev.firebreak.store.SearchResult;
import dev.firebreak.store.VolumeHistogram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The read side of the Lucene mention store, over whatever lends searchers: the live index's
 * SearcherManager ({@link MentionIndex}) or one reader of an index another process writes
 * ({@link ReadOnlyMentionIndex}). The methods are documented on {@link MentionStore}.
 */
abstract class LuceneMentionReads implements MentionStore {
    private static final int SCAN_PAGE = 10_000;
    private static final Sort NEWEST_FIRST = new Sort(new SortField(MentionSchema.CREATED_AT, SortField.Type.LONG, true));

    /** A searcher for one read, given back by {@link #release}. */
    abstract IndexSearcher acquire() throws IOException;

    abstract void release(IndexSearcher searcher) throws IOException;

    /** One read with a searcher. */
    private interface Read<T> {
        T with(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> read) throws IOException {
        IndexSearcher s = acquire();
        try {
            return read.with(s);
        } finally {
            release(s);
        }
    }

    @Override
    public Optional<ScoredMention> get(String id) throws IOException {
        List<ScoredMention> hits = run(new TermQuery(new Term(MentionSchema.ID, id)), 1).hits();
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    @Override
    public long countId(String id) throws IOException {
        return count(new TermQuery(new Term(MentionSchema.ID, id)));
    }

    /** One TermInSetQuery over the id field, reading back only the ids of the hits. */
    @Override
    public java.util.Set<String> presentIds(java.util.Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        Query any = new org.apache.lucene.search.TermInSetQuery(MentionSchema.ID,
                ids.stream().map(org.apache.lucene.util.BytesRef::new).toList());
        return read(s -> {
            TopDocs top = s.search(any, ids.size());
            var stored = s.storedFields();
            java.util.Set<String> out = new java.util.HashSet<>();
            for (var sd : top.scoreDocs) {
                out.add(stored.document(sd.doc, java.util.Set.of(MentionSchema.ID)).get(MentionSchema.ID));
            }
            return out;
        });
    }

    @Override
    public long count() throws IOException {
        return count(new MatchAllDocsQuery());
    }

    /** Oldest first, ties by doc order (the order last written), one page of stored documents at a time. */
    @Override
    public long scan(long fromMillis, long toMillis, Consumer<ScoredMention> each) throws IOException {
        Query range = LongPoint.newRangeQuery(MentionSchema.CREATED_AT, fromMillis, toMillis - 1);
        Sort order = new Sort(new SortField(MentionSchema.CREATED_AT, SortField.Type.LONG), SortField.FIELD_DOC);
        return read(s -> {
            var stored = s.storedFields();
            long read = 0;
            ScoreDoc after = null;
            while (true) {
                TopDocs page = after == null ? s.search(range, SCAN_PAGE, order) : s.searchAfter(after, range, SCAN_PAGE, order);
                if (page.scoreDocs.length == 0) return read;
                for (var sd : page.scoreDocs) {
                    each.accept(MentionSchema.fromDocument(stored.document(sd.doc)));
                    read++;
                }
                after = page.scoreDocs[page.scoreDocs.length - 1];
            }
        });
    }

    @Override
    public SearchResult newest(int limit) throws IOException {
        return run(new MatchAllDocsQuery(), limit);
    }

    /** Unsorted and uncounted, because a brand-new story asks this once and usually finds nothing. */
    @Override
    public List<ScoredMention> story(String storyId, int limit) throws IOException {
        return read(s -> {
            TopDocs top = s.search(new TermQuery(new Term(MentionSchema.STORY, storyId)), Math.max(1, limit));
            List<ScoredMention> out = new ArrayList<>(top.scoreDocs.length);
            var stored = s.storedFields();
            for (var sd : top.scoreDocs) out.add(MentionSchema.fromDocument(stored.document(sd.doc)));
            return out;
        });
    }

    @Override
    public SearchResult search(String query, long fromMillis, long toMillis, int limit) throws IOException {
        if (query == null || query.isBlank()) {
            return run(withinTime(new MatchAllDocsQuery(), fromMillis, toMillis), limit);
        }
        try {
            return search(QueryParser.parse(query), fromMillis, toMillis, limit);
        } catch (QuerySyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public SearchResult search(String query, MentionFilter filter, long fromMillis, long toMillis, int limit) throws IOException {
        try {
            return run(FilterQueries.restrict(filter, withinTime(parse(query), fromMillis, toMillis)), limit);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooLarge(e);
        }
    }

    @Override
    public SearchResult search(dev.firebreak.query.Query query, long fromMillis, long toMillis, int limit) throws IOException {
        try {
            return run(withinTime(LuceneQueries.toLucene(query), fromMillis, toMillis), limit);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooLarge(e);
        }
    }

    private static IllegalArgumentException tooLarge(IndexSearcher.TooManyClauses e) {
        return new IllegalArgumentException("query is too large to search: more than "
                + IndexSearcher.getMaxClauseCount() + " terms and clauses", e);
    }

    @Override
    public VolumeHistogram histogram(String query, MentionFilter filter, long fromMillis, long toMillis, int buckets)
            throws IOException {
        Query q = FilterQueries.restrict(filter, withinTime(parse(query), fromMillis, toMillis));
        try {
            return VolumeHistogram.of(read(s -> EventTimes.of(s, q)), fromMillis, toMillis, buckets);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooLarge(e);
        }
    }

    private static Query parse(String query) {
        if (query == null || query.isBlank()) return new MatchAllDocsQuery();
        try {
            return LuceneQueries.toLucene(QueryParser.parse(query));
        } catch (QuerySyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Query withinTime(Query q, long fromMillis, long toMillis) {
        return new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(MentionSchema.CREATED_AT, fromMillis, toMillis - 1), BooleanClause.Occur.FILTER)
                .build();
    }

    private long count(Query q) throws IOException {
        return read(s -> s.count(q));
    }

    /** The total and the first {@code limit} newest first (at least one unless {@code limit} is 0). */
    private SearchResult run(Query q, int limit) throws IOException {
        return read(s -> {
            TopDocs top = s.search(q, Math.max(1, limit), NEWEST_FIRST);
            List<ScoredMention> hits = new ArrayList<>();
            var stored = s.storedFields();
            for (var sd : top.scoreDocs) {
                if (hits.size() == limit) {
                    break;
                }
                hits.add(MentionSchema.fromDocument(stored.document(sd.doc)));
            }
            return new SearchResult(s.count(q), hits);
        });
    }
}
