package dev.firebreak.index.lucene;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.QuerySyntaxException;
import dev.firebreak.store.MentionFilter;
import dev.firebreak.store.MentionStore;
import dev.firebreak.store.SearchResult;
import dev.firebreak.store.VolumeHistogram;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The mention store: Lucene on disk. Writes are upserts by id; {@link #commit} makes them durable;
 * reads go through a SearcherManager so they see recent writes without reopening the index.
 * Blocking: call from a worker, never from an event loop.
 */
public final class MentionIndex implements MentionStore {
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final long rewritten;

    private MentionIndex(Directory directory, IndexWriter writer, SearcherManager searchers, long rewritten) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.rewritten = rewritten;
    }

    /**
     * Opens (or creates) the index. An index written with another {@link MentionSchema#VERSION} is
     * brought up to date first: every mention is rewritten from its stored source and committed, which
     * takes a while for a large index (see {@link #rewrittenAtOpen()}).
     */
    public static MentionIndex open(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        String version = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(MentionSchema.VERSION_KEY, "1")
                : MentionSchema.VERSION;
        IndexWriterConfig config = new IndexWriterConfig(MentionSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        long rewritten = 0;
        try {
            if (!version.equals(MentionSchema.VERSION)) {
                rewritten = rewriteAll(writer);
            }
            writer.setLiveCommitData(Map.of(MentionSchema.VERSION_KEY, MentionSchema.VERSION).entrySet());
            if (!version.equals(MentionSchema.VERSION)) {
                writer.commit();
            }
            return new MentionIndex(directory, writer, new SearcherManager(writer, null), rewritten);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            directory.close();
            throw e;
        }
    }

    /** Re-adds every live document from its stored source, so it is indexed as the schema now says. */
    private static long rewriteAll(IndexWriter writer) throws IOException {
        long n = 0;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            StoredFields stored = reader.storedFields();
            Bits live = MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                ScoredMention m = MentionSchema.fromDocument(stored.document(doc));
                writer.updateDocument(new Term(MentionSchema.ID, m.key()), MentionSchema.toDocument(m));
                n++;
            }
        }
        return n;
    }

    /** How many mentions {@link #open} rewrote to bring an older index up to this schema (0 usually). */
    public long rewrittenAtOpen() {
        return rewritten;
    }

    /** Adds or replaces each mention by its id. Not durable until {@link #commit}. */
    @Override
    public void upsert(Collection<ScoredMention> mentions) throws IOException {
        for (ScoredMention m : mentions) {
            writer.updateDocument(new Term(MentionSchema.ID, m.key()), MentionSchema.toDocument(m));
        }
    }

    /**
     * Makes every write so far durable, then lets searches see it. Blocking refresh: with two writers
     * (the pipeline and the enrichment stage) a non-blocking one could return while another thread's
     * refresh, begun before this commit, hides its writes.
     */
    @Override
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefresh();
    }

    @Override
    public Optional<ScoredMention> get(String id) throws IOException {
        List<ScoredMention> hits = run(new TermQuery(new Term(MentionSchema.ID, id)), 1).hits();
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    /**
     * Every mention created in [fromMillis, toMillis), oldest first (ties by id order), in pages, so a
     * backtest over millions never holds them all. Returns how many were read.
     */
    @Override
    public long scan(long fromMillis, long toMillis, java.util.function.Consumer<ScoredMention> each) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return scan(s, fromMillis, toMillis, each);
        } finally {
            searchers.release(s);
        }
    }

    /** {@link #scan} on an index another process may be writing (a running daemon): read-only, no lock. */
    public static long scanReadOnly(Path dir, long fromMillis, long toMillis, java.util.function.Consumer<ScoredMention> each)
            throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            return scan(new IndexSearcher(reader), fromMillis, toMillis, each);
        }
    }

    /** The event time of the newest mention in an index another process may be writing; empty index: MIN_VALUE. */
    public static long newestMillisReadOnly(Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            TopDocs top = new IndexSearcher(reader).search(new MatchAllDocsQuery(), 1,
                    new Sort(new SortField(MentionSchema.CREATED_AT, SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) return Long.MIN_VALUE;
            return MentionSchema.fromDocument(reader.storedFields().document(top.scoreDocs[0].doc))
                    .mention().createdAt().toInstant().toEpochMilli();
        }
    }

    private static long scan(IndexSearcher s, long fromMillis, long toMillis, java.util.function.Consumer<ScoredMention> each)
            throws IOException {
        Query range = LongPoint.newRangeQuery(MentionSchema.CREATED_AT, fromMillis, toMillis - 1);
        Sort order = new Sort(new SortField(MentionSchema.CREATED_AT, SortField.Type.LONG), SortField.FIELD_DOC);
        {
            var stored = s.storedFields();
            long read = 0;
            org.apache.lucene.search.ScoreDoc after = null;
            while (true) {
                TopDocs page = after == null ? s.search(range, SCAN_PAGE, order) : s.searchAfter(after, range, SCAN_PAGE, order);
                if (page.scoreDocs.length == 0) return read;
                for (var sd : page.scoreDocs) {
                    each.accept(MentionSchema.fromDocument(stored.document(sd.doc)));
                    read++;
                }
                after = page.scoreDocs[page.scoreDocs.length - 1];
            }
        }
    }

    private static final int SCAN_PAGE = 10_000;

    /** The newest {@code limit} mentions of all (and how many there are): for warming caches at start. */
    @Override
    public SearchResult newest(int limit) throws IOException {
        return run(new MatchAllDocsQuery(), limit);
    }

    /**
     * Up to {@code limit} mentions of a story, in no particular order: what a story is rebuilt from.
     * Unsorted and uncounted, because a brand-new story asks this once and usually finds nothing.
     */
    @Override
    public List<ScoredMention> story(String storyId, int limit) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term(MentionSchema.STORY, storyId)), Math.max(1, limit));
            List<ScoredMention> out = new ArrayList<>(top.scoreDocs.length);
            var stored = s.storedFields();
            for (var sd : top.scoreDocs) out.add(MentionSchema.fromDocument(stored.document(sd.doc)));
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** How many mentions carry this id: 1 when stored once, 0 when missing. */
    @Override
    public long countId(String id) throws IOException {
        return count(new TermQuery(new Term(MentionSchema.ID, id)));
    }

    @Override
    public long count() throws IOException {
        return count(new MatchAllDocsQuery());
    }

    /**
     * Mentions matching a query in the keyword query language of {@code dev.firebreak.rules.query} (for
     * example {@code 退款 NEAR/5 客服 platform:weibo}; blank means all), within [fromMillis, toMillis),
     * newest first: the same mentions a rule with that query matches in memory.
     *
     * @throws IllegalArgumentException if the query does not parse; the message is the parser's
     *     ({@code column N: ...}), meant for the user
     */
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

    /** {@link #search(String, long, long, int)} narrowed by filters the query language has no field for. */
    @Override
    public SearchResult search(String query, MentionFilter filter, long fromMillis, long toMillis, int limit) throws IOException {
        return run(FilterQueries.restrict(filter, withinTime(parse(query), fromMillis, toMillis)), limit);
    }

    /**
     * How many mentions match, per slice of time, in {@code buckets} equal slices of [fromMillis, toMillis)
     * (an open end is the oldest or newest match). Query errors as in {@link #search(String, long, long, int)}.
     */
    @Override
    public VolumeHistogram histogram(String query, MentionFilter filter, long fromMillis, long toMillis, int buckets)
            throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            long[] times = EventTimes.of(s, FilterQueries.restrict(filter, withinTime(parse(query), fromMillis, toMillis)));
            return VolumeHistogram.of(times, fromMillis, toMillis, buckets);
        } finally {
            searchers.release(s);
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

    /** {@link #search(String, long, long, int)} for a query parsed already (a rule's, for a backtest). */
    @Override
    public SearchResult search(dev.firebreak.query.Query query, long fromMillis, long toMillis, int limit) throws IOException {
        try {
            return run(withinTime(LuceneQueries.toLucene(query), fromMillis, toMillis), limit);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("query is too large to search: more than "
                    + IndexSearcher.getMaxClauseCount() + " terms and clauses", e);
        }
    }

    private static Query withinTime(Query q, long fromMillis, long toMillis) {
        return new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(MentionSchema.CREATED_AT, fromMillis, toMillis - 1), BooleanClause.Occur.FILTER)
                .build();
    }

    private long count(Query q) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(q);
        } finally {
            searchers.release(s);
        }
    }

    private SearchResult run(Query q, int limit) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            int n = Math.max(1, limit);
            TopDocs top = s.search(q, n, new Sort(new SortField(MentionSchema.CREATED_AT, SortField.Type.LONG, true)));
            List<ScoredMention> hits = new ArrayList<>();
            var stored = s.storedFields();
            for (var sd : top.scoreDocs) {
                if (hits.size() == limit) {
                    break;
                }
                hits.add(MentionSchema.fromDocument(stored.document(sd.doc)));
            }
            return new SearchResult(s.count(q), hits);
        } finally {
            searchers.release(s);
        }
    }

    /** Closes readers first, then the writer (which commits), then the directory. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }
}
