package dev.firebreak.daemon.backup;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long copy as a line every few seconds (and one at the end), for logs and for a terminal
 * without a progress bar: {@code backup: 12.5 of 50.0 MB (25 %)}.
 */
public final class ProgressLines implements OnlineBackup.Progress {
    private static final long EVERY_NANOS = 3_000_000_000L;

    private final String what;
    private final PrintStream out;
    private long last = System.nanoTime();

    public ProgressLines(String what, PrintStream out) {
        this.what = what;
        this.out = out;
    }

    @Override
    public synchronized void copied(long bytes, long total) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS || bytes == total) {
            last = now;
            out.println(String.format(Locale.ROOT, "%s: %.1f of %.1f MB (%d %%)", what, bytes / 1e6, total / 1e6,
                    total == 0 ? 100 : Math.round(100.0 * bytes / total)));
        }
    }
}
