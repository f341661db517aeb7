package dev.firebreak.daemon.pipeline;


/**
 * Hands the new mentions to the index's own thread ({@link IndexWrites}), which writes them and makes
 * them visible to reads (near-real-time) while the later stages run. It does not commit: the runner
 * commits several batches at once ({@link Pipeline#commit}), after their writes are done.
 */
public final class IndexStage implements Stage {
    private final IndexWrites writes;

    IndexStage(IndexWrites writes) {
        this.writes = writes;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        writes.write(batch.fresh);
    }
}
