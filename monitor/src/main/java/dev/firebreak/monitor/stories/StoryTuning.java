package dev.firebreak.monitor.stories;

/** The near-duplicate settings, chosen on the dev part of the labelled set (figures in BENCHMARKS.md). */
final class StoryTuning {
    static final int SHINGLE = 2;
    static final int HASHES = 64;
    static final int BANDS = 32;
    static final double THRESHOLD = 0.3;
    static final long WINDOW_MILLIS = 7L * 24 * 3_600_000;
    static final int CAPACITY = 4_000_000;

    private StoryTuning() { }
}
