package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.daemon.alerting.RuleReloader;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.daemon.pipeline.EnrichmentMetrics;
import dev.firebreak.daemon.pipeline.EntityEnricher;
import dev.firebreak.daemon.pipeline.Pipeline;
import dev.firebreak.daemon.pipeline.PipelineMetrics;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.store.StateStore;
import dev.firebreak.stories.Stories;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline on its one worker, and the tick that looks for changed rule files, escalations and
 * reminders due, and saves the grouping state.
 */
public final class PipelineComponent extends BlockingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineComponent.class);
    /** How often the daemon looks for changed rule files, escalations due, and saves grouping state. */
    static final long TICK_MILLIS = 5_000;

    private final VertxComponent vertxPart;
    private final RedisComponent redis;
    private final IndexComponent indexPart;
    private final AnalysisComponent analysis;
    private final StoriesComponent storiesPart;
    private final AlertingComponent alerting;
    /** Where stage times and the enrichment queue are reported. */
    private final MeterRegistry meters;
    /** The service clocks: their stage after record, and their sweep on the tick (null: none). */
    private final ServiceClocksComponent clocks;
    private PipelineRunner runner;
    private long timer;

    public PipelineComponent(VertxComponent vertx, RedisComponent redis, IndexComponent index, AnalysisComponent analysis,
                             StoriesComponent stories, AlertingComponent alerting, MeterRegistry meters) {
        this(vertx, redis, index, analysis, stories, alerting, meters, null);
    }

    public PipelineComponent(VertxComponent vertx, RedisComponent redis, IndexComponent index, AnalysisComponent analysis,
                             StoriesComponent stories, AlertingComponent alerting, MeterRegistry meters,
                             ServiceClocksComponent clocks) {
        super("pipeline");
        this.clocks = clocks;
        this.vertxPart = vertx;
        this.redis = redis;
        this.indexPart = index;
        this.analysis = analysis;
        this.storiesPart = stories;
        this.alerting = alerting;
        this.meters = meters;
    }

    @Override
    protected void startNow() {
        Vertx vertx = vertxPart.vertx();
        StateStore state = redis.state();
        MentionIndex index = indexPart.index();
        Stories stories = storiesPart.stories();
        AlertStage alerts = alerting.alerts();
        RuleReloader reloader = alerting.reloader();
        var models = analysis.models();
        EntityEnricher enrich = analysis.enricher();
        Pipeline pipeline = Pipeline.standard(state, index, models.firstScores(), stories, alerts,
                fresh -> {
                    if (enrich != null) enrich.offer(fresh);
                }, clocks == null ? null : clocks.stage()).timedBy(new PipelineMetrics(meters));
        EnrichmentMetrics.register(meters, enrich);
        PipelineRunner runner = new PipelineRunner(vertx, pipeline);
        this.runner = runner;
        AlertStage stage = alerts;
        timer = vertx.setPeriodic(TICK_MILLIS, id -> runner.onWorker(() -> {
            reloader.check();
            stage.escalate(stage.clock().now());
            stage.remind(java.time.Instant.now());
            if (clocks != null) clocks.sweep();
            stage.save();
            return null;
        }).onFailure(e -> LOG.warn("rules tick failed: {}", e.toString())));
    }

    /**
     * The tick stops; the pipeline drains: the grouping state is saved on the worker, after every batch
     * queued before it (its writes land while Redis is still up); then the worker closes.
     */
    @Override
    protected void stopNow() throws Exception {
        vertxPart.vertx().cancelTimer(timer);
        try {
            runner.onWorker(() -> {
                alerting.alerts().save();
                return null;
            }).toCompletionStage().toCompletableFuture().get(DRAIN_SECONDS, TimeUnit.SECONDS);
        } finally {
            runner.close();
        }
    }

    /** How long the stop waits for the batches queued before it; a batch takes well under a second. */
    private static final long DRAIN_SECONDS = 30;

    /** Applies a new rule configuration (a reload) on the pipeline's worker, between batches. */
    public void reloadRules(dev.firebreak.daemon.config.AlertingConfig next) throws Exception {
        runner.onWorker(() -> {
            alerting.reloader().reload(next);
            return null;
        }).toCompletionStage().toCompletableFuture().get(DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    public PipelineRunner runner() {
        return runner;
    }
}
