package dev.firebreak.daemon.http;

import dev.firebreak.analysis.AnalysisModels;
import dev.firebreak.daemon.pipeline.EntityEnricher;
import io.vertx.core.json.JsonObject;

/** What {@code /ready} and {@code GET /api/analysis} say of the analysis stage. {@code enricher} may be null. */
public record AnalysisStatus(AnalysisModels models, EntityEnricher enricher) {
    boolean ready() {
        return models.ready();
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("model", models.scorer().modelVersion())
                .put("brands", models.scorer().brands().size())
                .put("corenlp", models.corenlpState())
                .put("firstScoreMemoHits", models.memoHits());
        if (enricher != null) {
            EntityEnricher.Stats s = enricher.stats();
            json.put("enrichment", new JsonObject().put("queued", s.queued()).put("enriched", s.enriched())
                    .put("skipped", s.skipped()).put("failed", s.failed()).put("memoHits", s.memoHits()));
        }
        return json;
    }
}
