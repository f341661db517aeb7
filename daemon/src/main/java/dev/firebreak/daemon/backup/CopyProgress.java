package dev.firebreak.daemon.backup;

import dev.firebreak.progress.Progress;
import java.io.PrintStream;

/**
 * A backup's or a restore's bytes copied, shown through the one {@link Progress} of long commands: a bar on a
 * terminal, a line every few seconds elsewhere ({@code backup: 12500000 / 50000000 (25%)}). Close it when done.
 */
public final class CopyProgress implements OnlineBackup.Progress, AutoCloseable {
    private final String what;
    private final PrintStream out;
    private Progress progress;

    public CopyProgress(String what, PrintStream out) {
        this.what = what;
        this.out = out;
    }

    @Override
    public synchronized void copied(long bytes, long total) {
        if (progress == null) {
            progress = Progress.start(what, total, out);
        } else {
            progress.total(total);
        }
        progress.stepTo(bytes);
    }

    @Override
    public synchronized void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
