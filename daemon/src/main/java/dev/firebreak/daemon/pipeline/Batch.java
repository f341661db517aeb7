package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Mention;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.daemon.alerting.RuleStage;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.stories.StoryAssigner;
import dev.firebreak.stories.StorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One batch on its way through the {@link Pipeline}: what arrived, and what each stage made of it so
 * far, in stage order. Each field is set by one stage (named beside it) and read by the later ones.
 * Used by one thread, the pipeline's worker.
 */
public final class Batch {
    private final List<Mention> received;
    private final long arrivalNanos;
    /** normalise: the batch stripped, one copy per mention key, by key. */
    Map<String, Mention> unique = Map.of();
    /** dedup: the mentions never processed before. */
    List<Mention> unseen = List.of();
    /** first score: one analysis per unseen mention, same order. */
    List<Analysis> analyses = List.of();
    /** story: each unseen mention's story. */
    StoryAssigner.Assignment assignment;
    /** story: the unseen mentions scored and with their story: what is indexed, alerted on and marked seen. */
    List<ScoredMention> fresh = List.of();
    /** signals: the stories the batch touched, by story id. */
    Map<String, StorySnapshot> stories = Map.of();
    /** rules: the fires and updates the rules decided. */
    List<RuleStage.Outcome> decisions = List.of();
    /** record (and escalate): the alert versions recorded, to be published in this order. */
    final List<Recorded> recorded = new ArrayList<>();
    /** record: how many alerts were new. */
    int fired;

    /** An alert version recorded in the store and not yet published. */
    public record Recorded(RecordedAlert recorded, AlertVersion version) { }

    public Batch(List<Mention> received, long arrivalNanos) {
        this.received = List.copyOf(received);
        this.arrivalNanos = arrivalNanos;
    }

    public List<Mention> received() {
        return received;
    }

    /** When the batch arrived ({@link System#nanoTime()}), for alert latency. */
    public long arrivalNanos() {
        return arrivalNanos;
    }

    public List<ScoredMention> fresh() {
        return fresh;
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    public BatchOutcome outcome() {
        return new BatchOutcome(received.size(), fresh.size(), received.size() - fresh.size(), fired);
    }
}
