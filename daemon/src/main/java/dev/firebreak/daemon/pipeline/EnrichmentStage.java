package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.ScoredMention;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands the batch's new mentions, committed and alerted on, to the slow enrichment (CoreNLP's
 * entities, {@link EntityEnricher}), which queues them and never blocks.
 */
public final class EnrichmentStage implements Stage {
    private final Consumer<List<ScoredMention>> enrichment;

    public EnrichmentStage(Consumer<List<ScoredMention>> enrichment) {
        this.enrichment = enrichment;
    }

    @Override
    public String name() {
        return "enrichment";
    }

    @Override
    public void apply(Batch batch) {
        enrichment.accept(batch.fresh);
    }
}
