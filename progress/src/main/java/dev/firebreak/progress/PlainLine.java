package dev.firebreak.progress;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * Renders progress as one line a log can keep: {@code task: done / total (pct%), rate/s, elapsed,
 * about N left}; with an unknown total, {@code task: done, rate/s, elapsed}.
 */
final class PlainLine implements ProgressBarRenderer {
    @Override
    public String render(ProgressState state, int maxLength) {
        long done = state.getCurrent();
        long total = state.getMax();
        Duration elapsed = state.getElapsedAfterStart();
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = (done - state.getStart()) / seconds;
        StringBuilder line = new StringBuilder(state.getTaskName()).append(": ").append(count(done));
        boolean known = !state.isIndefinite() && total > 0;
        if (known) {
            line.append(" / ").append(count(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        }
        line.append(", ").append(count(Math.round(rate))).append("/s, ").append(time(elapsed)).append(" elapsed");
        if (known && rate > 0 && done < total) {
            line.append(", about ").append(time(Duration.ofMillis((long) ((total - done) / rate * 1000)))).append(" left");
        }
        return line.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String time(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
