package dev.firebreak.daemon.pipeline;

import dev.firebreak.store.MentionStore;

/** Writes the new mentions to the index and commits, before anything is alerted on or marked seen. */
public final class IndexStage implements Stage {
    private final MentionStore index;

    public IndexStage(MentionStore index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        index.upsert(batch.fresh);
        index.commit();
    }
}
