package dev.firebreak.daemon.wiring;

import dev.firebreak.analysis.AnalysisModels;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.daemon.pipeline.EntityEnricher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scoring models, and the CoreNLP entity enricher when CoreNLP is on (its threads load it). */
public final class AnalysisComponent extends BlockingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisComponent.class);
    private final AnalysisConfig config;
    private final IndexComponent index;
    private AnalysisModels models;
    private EntityEnricher enricher;

    public AnalysisComponent(AnalysisConfig config, IndexComponent index) {
        super("analysis");
        this.config = config;
        this.index = index;
    }

    @Override
    protected void startNow() throws Exception {
        AnalysisConfig ac = config;
        models = AnalysisModels.load(ac.model(), ac.brands(), ac.corenlp());
        LOG.info("sentiment model {}; brand dictionary {} names; CoreNLP {}", models.scorer().modelVersion(),
                models.scorer().brands().size(), ac.corenlp() ? "loading on its own thread" : "off");
        if (ac.corenlp()) {
            enricher = new EntityEnricher(models.corenlp(), models.scorer().brands(), index.index(),
                    ac.corenlpThreads(), ac.corenlpQueue());
        }
    }

    @Override
    protected void stopNow() {
        if (enricher != null) {
            enricher.close();
        }
    }

    public AnalysisModels models() {
        return models;
    }

    /** Null when CoreNLP is off. */
    public EntityEnricher enricher() {
        return enricher;
    }
}
