package dev.firebreak.index.lucene;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One commit of a live index, pinned by its {@code SnapshotDeletionPolicy} so its files stay while
 * they are copied ({@link MentionIndex#snapshot}). Closing it lets the writer delete them again.
 */
public final class IndexSnapshot implements AutoCloseable {
    /** What closing does: release the commit and let the writer drop the files no commit needs. */
    interface Release {
        void run() throws IOException;
    }

    private static final int CHUNK = 1 << 20;

    private final Path dir;
    private final IndexCommit commit;
    private final long mentions;
    private final Release release;
    private boolean released;

    IndexSnapshot(Path dir, IndexCommit commit, long mentions, Release release) {
        this.dir = dir;
        this.commit = commit;
        this.mentions = mentions;
        this.release = release;
    }

    /** How many mentions the snapshot holds. */
    public long mentions() {
        return mentions;
    }

    /** The commit's generation (its segments_N). */
    public long generation() {
        return commit.getGeneration();
    }

    public List<String> files() throws IOException {
        return List.copyOf(commit.getFileNames());
    }

    /** The bytes {@link #copyTo} will copy. */
    public long bytes() throws IOException {
        long total = 0;
        for (String f : files()) {
            total += Files.size(dir.resolve(f));
        }
        return total;
    }

    /**
     * Copies the commit's files into {@code target} (created; it must hold no index already), telling
     * {@code progress} the bytes copied so far after each chunk. Returns the bytes copied.
     */
    public long copyTo(Path target, LongConsumer progress) throws IOException {
        Files.createDirectories(target);
        long copied = 0;
        byte[] buffer = new byte[CHUNK];
        for (String f : files()) {
            try (InputStream in = Files.newInputStream(dir.resolve(f));
                 OutputStream out = Files.newOutputStream(target.resolve(f), StandardOpenOption.CREATE_NEW)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    copied += n;
                    progress.accept(copied);
                }
            }
        }
        return copied;
    }

    /** Opens a copied index and counts its mentions: a copy that does not open is refused here, not at the next start. */
    public static long verify(Path copy) throws IOException {
        try (Directory d = FSDirectory.open(copy); DirectoryReader reader = DirectoryReader.open(d)) {
            return reader.numDocs();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!released) {
            released = true;
            release.run();
        }
    }
}
