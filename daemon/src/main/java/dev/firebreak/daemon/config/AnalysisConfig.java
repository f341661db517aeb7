package dev.firebreak.daemon.config;

import java.nio.file.Path;

/**
 * The analysis stage's settings. {@code model} and {@code brands} null mean the bundled sentiment
 * model and the demo brand dictionary. CoreNLP enrichment runs on {@code corenlpThreads} threads
 * behind a queue of {@code corenlpQueue} mentions.
 */
public record AnalysisConfig(Path model, Path brands, boolean corenlp, int corenlpThreads, int corenlpQueue) {
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    public static final int DEFAULT_QUEUE = 20_000;
    /** The daemon's default: the bundled model, the demo dictionary, CoreNLP on. */
    public static final AnalysisConfig DEFAULT = new AnalysisConfig(null, null, true, DEFAULT_THREADS, DEFAULT_QUEUE);
    /** First scores only: for offline replays and tests that do not look at CoreNLP's entities. */
    public static final AnalysisConfig FIRST_SCORES_ONLY = new AnalysisConfig(null, null, false, 1, 1);
}
