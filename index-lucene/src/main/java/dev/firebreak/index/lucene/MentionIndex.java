package dev.firebreak.index.lucene;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The mention store: Lucene on disk. Writes are upserts by id; {@link #commit} makes them durable;
 * reads ({@link LuceneMentionReads}) go through a SearcherManager so they see recent writes without
 * reopening the index.
 * Blocking: call from a worker, never from an event loop.
 */
public final class MentionIndex extends LuceneMentionReads {
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
        searchers.maybeRefreshBlocking();
    }

    @Override
    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    @Override
    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /**
     * An index another process may be writing (a running daemon), for reading only and without its
     * write lock: what its last commit held when opened. {@code upsert} and {@code commit} are refused.
     */
    public static MentionStore openReadOnly(Path dir) throws IOException {
        return ReadOnlyMentionIndex.open(dir);
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
