package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.store.SeenIds;

/**
 * Marks the new mentions seen, after they are indexed and alerted on: a batch cut short before this
 * is simply processed again.
 */
public final class MarkSeenStage implements Stage {
    private final SeenIds seen;

    public MarkSeenStage(SeenIds seen) {
        this.seen = seen;
    }

    @Override
    public String name() {
        return "mark seen";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        Await.result(seen.markSeen(batch.fresh.stream().map(ScoredMention::key).toList()));
    }
}
