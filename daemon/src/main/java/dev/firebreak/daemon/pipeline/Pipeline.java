package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Mention;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.analysis.Analyser;
import dev.firebreak.store.StateStore;
import dev.firebreak.stories.Stories;
import dev.firebreak.stories.StoryAssigner;
import dev.firebreak.stories.StorySnapshot;
import dev.firebreak.daemon.alerting.AlertStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The path of a batch of mentions: normalise, dedup, analyse, index, rules, alert, feed.
 *
 * <p>Every step is idempotent on the mention id, and the order makes a crash safe at any point: the
 * index is committed before alerts are recorded, alerts (keyed by a stable id) before the mentions are
 * marked seen, and the caller saves the feed cursor last. A batch cut short is simply processed again.
 *
 * <p>Each new mention gets its story (its root's, or an earlier near-duplicate's), and the story's
 * signals and forecast are updated once the batch is indexed.
 *
 * <p>Analysis here is the first score only; CoreNLP's entities are added afterwards by the
 * {@code indexed} callback's stage, so an alert never waits for them.
 *
 * <p>Blocking (Lucene, and it waits on Redis): run it on one worker thread, never an event loop.
 */
public final class Pipeline {
    private final StateStore state;
    private final MentionIndex index;
    private final Analyser analyser;
    private final Stories stories;
    private final AlertStage alerts;
    private final Consumer<List<ScoredMention>> indexed;

    /**
     * {@code indexed} is told of each batch's new mentions once they are committed (the slow
     * enrichment stage queues them there); it must not block.
     */
    public Pipeline(StateStore state, MentionIndex index, Analyser analyser, Stories stories, AlertStage alerts,
                    Consumer<List<ScoredMention>> indexed) {
        this.state = state;
        this.stories = stories;
        this.index = index;
        this.analyser = analyser;
        this.alerts = alerts;
        this.indexed = indexed;
    }

    public BatchOutcome process(List<Mention> batch, long arrivalNanos) throws Exception {
        if (batch.isEmpty()) {
            return BatchOutcome.EMPTY;
        }
        Map<String, Mention> unique = normalise(batch);
        Set<String> seen = join(state.seen(unique.keySet()));
        List<Mention> unseen = unique.values().stream().filter(m -> !seen.contains(m.key())).toList();
        List<dev.firebreak.core.Analysis> analyses = unseen.stream().map(m -> analyser.analyse(m.text())).toList();
        StoryAssigner.Assignment assignment = stories.assigner().assign(unseen,
                analyses.stream().map(dev.firebreak.core.Analysis::label).toList(),
                join(state.storyLinks(StoryAssigner.roots(unseen))));
        List<ScoredMention> fresh = new ArrayList<>();
        for (int i = 0; i < unseen.size(); i++) {
            fresh.add(new ScoredMention(unseen.get(i), analyses.get(i), assignment.storyIds().get(i)));
        }
        index.upsert(fresh);
        index.commit();
        join(state.saveStoryLinks(assignment.newLinks()));
        Map<String, StorySnapshot> storyNow = stories.book().record(fresh, assignment.started());
        int fired = alerts.process(fresh, storyNow, arrivalNanos);
        // In event time too, so a replay escalates on the stream's own clock.
        fresh.stream().map(m -> m.mention().createdAt().toInstant()).max(java.time.Instant::compareTo)
                .ifPresent(latest -> escalate(latest));
        join(state.markSeen(fresh.stream().map(ScoredMention::key).toList()));
        indexed.accept(fresh);
        return new BatchOutcome(batch.size(), fresh.size(), batch.size() - fresh.size(), fired);
    }

    private void escalate(java.time.Instant at) {
        try {
            alerts.escalate(at);
        } catch (Exception e) {
            throw new IllegalStateException("escalation failed: " + e.getMessage(), e);
        }
    }

    /** Counter observations of followed posts, into their stories' engagement. */
    public void observe(List<dev.firebreak.core.CounterObservation> observations) {
        if (!observations.isEmpty()) stories.book().observe(observations);
    }

    /** Trims the text and keeps the last copy of a mention that a batch carries twice. */
    private static Map<String, Mention> normalise(List<Mention> batch) {
        Map<String, Mention> unique = new LinkedHashMap<>();
        for (Mention m : batch) {
            String text = m.text().strip();
            Mention clean = text.equals(m.text()) ? m : new Mention(m.platform(), m.id(), m.kind(), text,
                    m.createdAt(), m.author(), m.parentId(), m.rootId(), m.url(), m.metrics());
            unique.remove(clean.key());
            unique.put(clean.key(), clean);
        }
        return unique;
    }

    private static <T> T join(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
