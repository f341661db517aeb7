package dev.firebreak.core;

/** Engagement counters of a mention at fetch time. Missing counters read as zero. */
public record Metrics(long reposts, long comments, long likes, long shares, long collects) {
    public static final Metrics ZERO = new Metrics(0, 0, 0, 0, 0);

    /** Everything people did with the mention, for a rough sense of its reach. */
    public long engagement() {
        return reposts + comments + likes + shares + collects;
    }
}
