package dev.firebreak.index.lucene;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The index folder holds an index Lucene cannot read (corrupt files, a format too old or too new): the
 * daemon refuses to start on it, with one line naming the folder and what to do.
 */
public final class UnreadableIndexException extends IOException {
    public UnreadableIndexException(Path dir, IOException cause) {
        super("the index in " + dir.toAbsolutePath() + " is corrupt or unreadable (" + firstLine(cause.getMessage())
                + "): restore a backup with 'firebreak restore BACKUP_DIR', or move the folder away to start with an"
                + " empty index", cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
