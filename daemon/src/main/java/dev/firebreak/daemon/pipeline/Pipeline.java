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
 * index is committed before alerts are recorded, alerts (keyed by a stable id) before the mentions are
 * marked seen, and the caller saves the feed cursor last. A batch cut short is simply processed again.
 *
 * <p>Blocking (Lucene, and it waits on the store): run it on one worker thread ({@link PipelineRunner}),
 * never an event loop.
 */
public final class Pipeline {
    private final List<Stage> stages;
    private final Consumer<List<CounterObservation>> observations;

    /** {@code observations}: where counter observations of followed posts go (their stories' engagement). */
    public Pipeline(List<Stage> stages, Consumer<List<CounterObservation>> observations) {
        this.stages = List.copyOf(stages);
        this.observations = observations;
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
        return new Pipeline(java.util.stream.Stream.<Stage>of(
                new NormaliseStage(),
                new DedupStage(state, index),
                new FirstScoreStage(analyser),
                new StoryStage(stories.assigner(), state),
                new IndexStage(index),
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
                stories.book()::observe);
    }

    /** The same pipeline with each stage's time per batch recorded in {@code metrics}. */
    public Pipeline timedBy(PipelineMetrics metrics) {
        return new Pipeline(stages.stream().map(metrics::timed).toList(), observations);
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
