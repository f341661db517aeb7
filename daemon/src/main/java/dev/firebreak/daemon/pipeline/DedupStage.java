package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.store.SeenIds;
import java.util.Set;

/** Drops the mentions an earlier batch already processed (marked seen), so each is processed once. */
public final class DedupStage implements Stage {
    private final SeenIds seen;

    public DedupStage(SeenIds seen) {
        this.seen = seen;
    }

    @Override
    public String name() {
        return "dedup";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        Set<String> already = Await.result(seen.seen(batch.unique.keySet()));
        batch.unseen = batch.unique.values().stream().filter(m -> !already.contains(m.key())).toList();
    }
}
