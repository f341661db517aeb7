package dev.firebreak.daemon.pipeline;

/** One step of the {@link Pipeline}: it reads what earlier stages put on the batch and adds its own part. */
public interface Stage {
    /** A short name for logs and errors ("dedup", "index"). */
    String name();

    /** Blocking (Lucene, the store): runs on the pipeline's worker. */
    void apply(Batch batch) throws Exception;
}
