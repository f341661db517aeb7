package dev.firebreak.daemon.pipeline;

import dev.firebreak.analysis.Analyser;

/**
 * The first score of each new mention (sentiment, dictionary entities). CoreNLP's entities come later,
 * from the enrichment stage, so an alert never waits for them.
 */
public final class FirstScoreStage implements Stage {
    private final Analyser analyser;

    public FirstScoreStage(Analyser analyser) {
        this.analyser = analyser;
    }

    @Override
    public String name() {
        return "first score";
    }

    @Override
    public void apply(Batch batch) {
        batch.analyses = batch.unseen.stream().map(m -> analyser.analyse(m.text())).toList();
    }
}
