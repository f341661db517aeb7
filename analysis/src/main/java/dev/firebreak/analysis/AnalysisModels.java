package dev.firebreak.analysis;

import dev.firebreak.core.Analysis;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.entities.CoreNlpEntities;
import dev.firebreak.analysis.model.SentimentModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of the analysis stage and whether they are ready. The first-score models load at once
 * (well under a second); CoreNLP loads on its own thread (seconds, most of the heap), so the daemon
 * can start, and {@code /ready} says false until it is loaded.
 */
public final class AnalysisModels {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisModels.class);

    private final FirstScorer scorer;
    private final TextMemo<Analysis> memo = new TextMemo<>(50_000);
    private final CompletableFuture<CoreNlpEntities> corenlp;

    AnalysisModels(FirstScorer scorer, CompletableFuture<CoreNlpEntities> corenlp) {
        this.scorer = scorer;
        this.corenlp = corenlp;
    }

    /**
     * Loads the sentiment model ({@code modelFile}, or the bundled one when null) and the brand
     * dictionary ({@code brandsFile}, or the bundled demo one), and starts loading CoreNLP if asked.
     */
    public static AnalysisModels load(Path modelFile, Path brandsFile, boolean withCoreNlp) throws IOException {
        SentimentModel model = modelFile == null ? SentimentModel.load() : SentimentModel.load(modelFile);
        BrandDictionary brands = brandsFile == null ? BrandDictionary.bundled() : BrandDictionary.load(brandsFile);
        FirstScorer scorer = FirstScorer.load(model, brands);
        CompletableFuture<CoreNlpEntities> corenlp = withCoreNlp ? loadCoreNlp(brands) : null;
        return new AnalysisModels(scorer, corenlp);
    }

    private static CompletableFuture<CoreNlpEntities> loadCoreNlp(BrandDictionary brands) {
        CompletableFuture<CoreNlpEntities> future = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            long start = System.nanoTime();
            try {
                CoreNlpEntities nlp = CoreNlpEntities.load(brands);
                LOG.info("CoreNLP Chinese models loaded in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
                future.complete(nlp);
            } catch (Throwable e) {
                LOG.error("CoreNLP Chinese models failed to load: {}", e.toString());
                future.completeExceptionally(e);
            }
        }, "firebreak-corenlp-loader");
        loader.setDaemon(true);
        loader.start();
        return future;
    }

    /** First scores, each text read once while it is in the memo. */
    public Analyser firstScores() {
        return text -> memo.get(text, scorer::analyse);
    }

    public FirstScorer scorer() {
        return scorer;
    }

    /** Null when CoreNLP is turned off. */
    public CompletableFuture<CoreNlpEntities> corenlp() {
        return corenlp;
    }

    /** {@code off}, {@code loading}, {@code ready} or {@code failed}. */
    public String corenlpState() {
        if (corenlp == null) return "off";
        if (!corenlp.isDone()) return "loading";
        return corenlp.isCompletedExceptionally() ? "failed" : "ready";
    }

    public boolean ready() {
        String state = corenlpState();
        return state.equals("off") || state.equals("ready");
    }

    public long memoHits() {
        return memo.hits();
    }
}
