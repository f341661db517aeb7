package dev.firebreak.tools.train;

import dev.firebreak.analysis.model.SentimentModel;
import java.util.List;

/** Texts scored per second by one thread, over the given texts, after a warm-up. */
final class ScoringSpeed {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;

    private ScoringSpeed() { }

    static double textsPerSecond(SentimentModel model, List<LabelledText> texts) {
        if (texts.isEmpty()) return Double.NaN;
        String[] strings = texts.stream().map(LabelledText::text).toArray(String[]::new);
        loop(model, strings, WARM_UP_NANOS);
        long start = System.nanoTime();
        long scored = loop(model, strings, MEASURE_NANOS);
        return scored / ((System.nanoTime() - start) / 1e9);
    }

    private static long loop(SentimentModel model, String[] texts, long nanos) {
        long end = System.nanoTime() + nanos;
        long scored = 0;
        double sink = 0;
        while (System.nanoTime() < end) {
            for (String t : texts) sink += model.score(t).negative();
            scored += texts.length;
        }
        if (sink == -1) System.err.print("");   // keep the scores from being optimised away
        return scored;
    }
}
