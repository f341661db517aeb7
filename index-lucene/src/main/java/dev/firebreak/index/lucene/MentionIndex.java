package dev.firebreak.index.lucene;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
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
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SnapshotDeletionPolicy snapshots;
    private final long rewritten;

    private MentionIndex(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers,
                         SnapshotDeletionPolicy snapshots, long rewritten) {
        this.snapshots = snapshots;
        this.dir = dir;
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
        try {
            return open(dir, directory);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            directory.close();
            throw new UnreadableIndexException(dir, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Whether {@code dir} holds an index (a commit): false for a missing or empty folder. */
    public static boolean exists(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d);
        }
    }

    private static MentionIndex open(Path dir, Directory directory) throws IOException {
        boolean exists = DirectoryReader.indexExists(directory);
        String version = exists
                ? SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(MentionSchema.VERSION_KEY, "1")
                : MentionSchema.VERSION;
        // Snapshots keep a commit's files while a backup copies them (see IndexSnapshot).
        SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        IndexWriterConfig config = new IndexWriterConfig(MentionSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexDeletionPolicy(snapshots)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        long rewritten = 0;
        try {
            if (!version.equals(MentionSchema.VERSION)) {
                rewritten = rewriteAll(writer);
            }
            writer.setLiveCommitData(Map.of(MentionSchema.VERSION_KEY, MentionSchema.VERSION).entrySet());
            if (!version.equals(MentionSchema.VERSION) || !exists) {
                writer.commit();   // a new index gets its first commit now, so a segments file is there to check
            }
            return new MentionIndex(dir, directory, writer, new SearcherManager(writer, null), snapshots, rewritten);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
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

    /** Opens a near-real-time reader over the writer's current state: no fsync, no commit point. */
    @Override
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * What makes the index unusable, or empty when it is fine: the folder or its last commit's segments
     * file gone (deleted under the running daemon), the writer closed or failed beyond repair. Cheap: a
     * directory listing and two fields, no search.
     */
    public Optional<String> problem() {
        Throwable tragic = writer.getTragicException();
        if (tragic != null) {
            return Optional.of("the index writer failed and is closed (" + tragic + "): restart the daemon");
        }
        if (!writer.isOpen()) {
            return Optional.of("the index writer is closed");
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of("the index folder " + dir.toAbsolutePath() + " is gone: stop the daemon and restore a backup"
                    + " ('firebreak restore DIR'), or restart it and re-push the mentions");
        }
        try {
            String segments = SegmentInfos.getLastCommitSegmentsFileName(directory.listAll());
            if (segments == null || !Files.exists(dir.resolve(segments))) {
                return Optional.of("the index folder " + dir.toAbsolutePath() + " holds no commit (segments file missing)");
            }
        } catch (IOException e) {
            return Optional.of("the index folder " + dir.toAbsolutePath() + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Commits, then pins that commit's files until the snapshot is closed, so they can be copied while
     * writes go on. Call it where no batch is half-written (the pipeline's worker) for a backup that
     * agrees with the rest of the state.
     */
    public IndexSnapshot snapshot() throws IOException {
        commit();
        IndexCommit commit = snapshots.snapshot();
        try {
            long mentions;
            try (DirectoryReader reader = DirectoryReader.open(commit)) {
                mentions = reader.numDocs();
            }
            return new IndexSnapshot(dir, commit, mentions, () -> {
                snapshots.release(commit);
                writer.deleteUnusedFiles();
            });
        } catch (IOException | RuntimeException e) {
            snapshots.release(commit);
            throw e;
        }
    }

    /** The folder the index lives in. */
    public Path dir() {
        return dir;
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
