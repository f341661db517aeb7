package dev.firebreak.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of one long piece of work (a replay, a backtest, a benchmark, training, an import, a
 * backup), written for people to a stream of their own — stderr, so stdout stays machine-readable. On a
 * terminal it is a bar redrawn in place (me.tongfei:progressbar); elsewhere (a pipe, a log, CI) a plain
 * line such as {@code replay: 4,200 / 10,000 (42%), 1,050/s, 4 s elapsed, about 6 s left} every
 * {@link #PLAIN_INTERVAL}, and once more when the work ends. A total of {@code -1} means unknown.
 *
 * <p>Thread-safe: steps may come from any thread; the library redraws on a daemon thread of its own.
 */
public final class Progress implements AutoCloseable {
    /** How often a plain line is written when the stream is not a terminal. */
    public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
    /** Set to {@code off} to show no progress at all. */
    public static final String SWITCH = "FIREBREAK_PROGRESS";

    private static final Progress NONE = new Progress(null);
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts showing progress on {@code out}: a bar when this process has a terminal
     * ({@code System.console() != null}), plain lines otherwise, nothing when {@code FIREBREAK_PROGRESS=off}.
     */
    public static Progress start(String task, long total, PrintStream out) {
        if ("off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return NONE;
        }
        return System.console() != null ? bar(task, total, out) : lines(task, total, out, PLAIN_INTERVAL);
    }

    /** A bar redrawn in place, for a terminal. */
    public static Progress bar(String task, long total, PrintStream out) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(out)).showSpeed();
        return new Progress(b.build());
    }

    /** A plain line every {@code every} while the count moves, and a last one at the end. */
    public static Progress lines(String task, long total, PrintStream out, Duration every) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setUpdateIntervalMillis((int) Math.max(1, every.toMillis()))
                .setRenderer(new PlainLine())
                .setConsumer(new DelegatingProgressBarConsumer(new OnceEach(out, every), Integer.MAX_VALUE));
        return new Progress(b.build());
    }

    /**
     * Writes each line, except one with the same count as the line before written less than half an
     * interval after it (the library's last tick and its close often meet); a stalled count is still
     * written once an interval, so a log shows the work is alive.
     */
    private static final class OnceEach implements Consumer<String> {
        private final PrintStream out;
        private final long halfIntervalNanos;
        private String lastCount = "";
        private long lastAt;

        OnceEach(PrintStream out, Duration every) {
            this.out = out;
            this.halfIntervalNanos = every.toNanos() / 2;
        }

        @Override
        public synchronized void accept(String line) {
            int rate = line.lastIndexOf(", ", Math.max(0, line.lastIndexOf("/s, ")));
            String count = rate < 0 ? line : line.substring(0, rate);
            long now = System.nanoTime();
            if (count.equals(lastCount) && now - lastAt < halfIntervalNanos) {
                return;
            }
            out.println(line);
            out.flush();
            lastCount = count;
            lastAt = now;
        }
    }

    /** Progress that shows nothing: for callers that run where no one watches (tests, the daemon's own use). */
    public static Progress none() {
        return NONE;
    }

    /** One more unit done. */
    public Progress step() {
        return step(1);
    }

    /** {@code n} more units done. */
    public Progress step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
        return this;
    }

    /** {@code done} units done in all (for work that counts bytes read, or an offset). */
    public Progress stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
        return this;
    }

    /** The total, once it is known (or when it changes). */
    public Progress total(long total) {
        if (bar != null) {
            bar.maxHint(total);
        }
        return this;
    }

    /** The units done so far. */
    public long done() {
        return bar == null ? 0 : bar.getCurrent();
    }

    /** Shows the final count and stops redrawing. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
