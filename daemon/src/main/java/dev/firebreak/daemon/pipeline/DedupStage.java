package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.store.MentionStore;
import dev.firebreak.store.SeenIds;
import java.util.HashSet;
import java.util.Set;

/**
 * Drops the mentions an earlier batch already processed, so each is processed once. A mention counts
 * as processed when the seen-set marks it <em>and</em> the index holds it: after the index was lost (a
 * deleted folder, a restore of an older backup) the seen-set alone would refuse the very mention that
 * puts the data back. Only the ids the seen-set marks are looked up in the index, in one query, so a
 * batch of new mentions costs nothing more.
 */
public final class DedupStage implements Stage {
    private final SeenIds seen;
    private final MentionStore index;
    private final IndexWrites writes;

    public DedupStage(SeenIds seen, MentionStore index) {
        this(seen, index, null);
    }

    /** {@code writes}: the index writes still in flight, waited for before the index is asked (may be null). */
    DedupStage(SeenIds seen, MentionStore index, IndexWrites writes) {
        this.seen = seen;
        this.index = index;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "dedup";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        Set<String> marked = Await.result(seen.seen(batch.unique.keySet()));
        // An earlier batch's mention marked seen may still be on its way into the index: wait for the
        // writes in flight (only then, so a batch of new mentions never waits).
        if (!marked.isEmpty() && writes != null) writes.awaitVisible();
        Set<String> already = marked.isEmpty() ? Set.of() : new HashSet<>(index.presentIds(marked));
        batch.unseen = batch.unique.values().stream().filter(m -> !already.contains(m.key())).toList();
    }
}
