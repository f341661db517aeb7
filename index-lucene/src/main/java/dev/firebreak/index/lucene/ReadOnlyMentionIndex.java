package dev.firebreak.index.lucene;

import dev.firebreak.core.ScoredMention;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An index another process may be writing (a running daemon), read without its write lock: its last
 * commit as it was at open. Writes are refused. Opened by {@link MentionIndex#openReadOnly}.
 */
final class ReadOnlyMentionIndex extends LuceneMentionReads {
    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private ReadOnlyMentionIndex(Path dir, Directory directory, DirectoryReader reader) {
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    static ReadOnlyMentionIndex open(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            return new ReadOnlyMentionIndex(dir, directory, DirectoryReader.open(directory));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    @Override
    IndexSearcher acquire() {
        return searcher;
    }

    @Override
    void release(IndexSearcher s) {
        // one searcher for the reader's life, closed with it
    }

    @Override
    public void upsert(Collection<ScoredMention> mentions) {
        throw new UnsupportedOperationException("the index at " + dir + " is open read-only");
    }

    @Override
    public void commit() {
        throw new UnsupportedOperationException("the index at " + dir + " is open read-only");
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
