package dev.firebreak.daemon.pipeline;

import dev.firebreak.analysis.Analyser;
import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.Mention;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.store.MentionStore;
import dev.firebreak.store.StateStore;
import dev.firebreak.stories.Stories;
import java.util.List;
import java.util.function.Consumer;

/**
 * The path of a batch of mentions, as an ordered list of {@link Stage}s.
 *
 * <p>Every stage is idempotent on the mention id, and the order makes a crash safe at any point: the
 * index is written (visible, not yet durable) before alerts are recorded, alerts (keyed by a stable id)
 * before the mentions are marked seen; the index is committed for several batches at once ({@link
 * #commit}, by the runner), and the caller saves the feed cursor only after the commit that covers its
 * batch. A batch cut short, or written and lost before its commit, is simply processed again: the
 * dedup stage takes a mention marked seen but missing from the index as never processed.
 *
 * <p>Blocking (Lucene, and it waits on the store): run it on one worker thread ({@link PipelineRunner}),
 * never an event loop.
 */
public final class Pipeline {
    /** Makes the batches processed so far durable (the index's commit). */
    @FunctionalInterface
    public interface Durability {
        void commit() throws Exception;
    }

    private final List<Stage> stages;
    private final Consumer<List<CounterObservation>> observations;
    private final Durability durability;
    private final AutoCloseable resources;

    /** {@code observations}: where counter observations of followed posts go (their stories' engagement). */
    public Pipeline(List<Stage> stages, Consumer<List<CounterObservation>> observations) {
        this(stages, observations, () -> { });
    }

    /** {@code durability}: what {@link #commit} does (the stages themselves write but do not commit). */
    public Pipeline(List<Stage> stages, Consumer<List<CounterObservation>> observations, Durability durability) {
        this(stages, observations, durability, () -> { });
    }

    private Pipeline(List<Stage> stages, Consumer<List<CounterObservation>> observations, Durability durability,
                     AutoCloseable resources) {
        this.stages = List.copyOf(stages);
        this.observations = observations;
        this.durability = durability;
        this.resources = resources;
    }

    /** Stops what the pipeline runs besides its worker (the index's writing thread), after a last commit. */
    public void close() throws Exception {
        resources.close();
    }

    /**
     * Makes every batch processed so far durable. The runner calls it between batches, for several at a
     * time ({@link PipelineRunner}); until then a batch is written and visible but not yet durable.
     */
    public void commit() throws Exception {
        durability.commit();
    }

    /**
     * The daemon's pipeline: normalise, dedup, first score, story, index, story links, signals, rules,
     * record, escalate, publish, mark seen, enrichment. {@code indexed} is told of each batch's new
     * mentions once they are committed and alerted on (the slow enrichment queues them); it must not block.
     */
    public static Pipeline standard(StateStore state, MentionStore index, Analyser analyser, Stories stories,
                                    AlertStage alerts, Consumer<List<ScoredMention>> indexed) {
        return standard(state, index, analyser, stories, alerts, indexed, null);
    }

    /** The daemon's pipeline with the service clocks' stage ({@code clocks}, may be null) right after record. */
    public static Pipeline standard(StateStore state, MentionStore index, Analyser analyser, Stories stories,
                                    AlertStage alerts, Consumer<List<ScoredMention>> indexed, ServiceClockStage clocks) {
        IndexWrites writes = new IndexWrites(index);
        return new Pipeline(java.util.stream.Stream.<Stage>of(
                new NormaliseStage(),
                new DedupStage(state, index, writes),
                new FirstScoreStage(analyser),
                new StoryStage(stories.assigner(), state),
                new IndexStage(writes),
                new StoryLinksStage(state),
                new SignalsStage(stories.book()),
                new RulesStage(alerts.ruleStage()),
                new RecordStage(alerts.publisher(), alerts.throttle(), alerts.lifecycleService(), alerts.escalator()),
                clocks,
                new PublishStage(alerts.publisher()),
                // After publish, so a batch's new alerts reach people without waiting for the escalation
                // sweep; the steps it takes are published as they are recorded.
                new EscalateStage(alerts.escalator(), alerts.publisher(), alerts.clock()),
                new MarkSeenStage(state),
                new EnrichmentStage(indexed)).filter(java.util.Objects::nonNull).toList(),
                stories.book()::observe, writes::commit, writes);
    }

    /** The same pipeline with each stage's time per batch recorded in {@code metrics}. */
    public Pipeline timedBy(PipelineMetrics metrics) {
        return new Pipeline(stages.stream().map(metrics::timed).toList(), observations, metrics.timed(durability), resources);
    }

    /** The stages' names, in order. */
    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    public BatchOutcome process(List<Mention> mentions, long arrivalNanos) throws Exception {
        if (mentions.isEmpty()) {
            return BatchOutcome.EMPTY;
        }
        Batch batch = new Batch(mentions, arrivalNanos);
        for (Stage stage : stages) {
            stage.apply(batch);
        }
        return batch.outcome();
    }

    /** Counter observations of followed posts, into their stories' engagement. */
    public void observe(List<CounterObservation> observed) {
        if (!observed.isEmpty()) observations.accept(observed);
    }
}
