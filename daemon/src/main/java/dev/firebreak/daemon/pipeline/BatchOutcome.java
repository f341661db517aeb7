package dev.firebreak.daemon.pipeline;

/** What one batch did: mentions received, newly indexed, skipped as already seen, alerts raised. */
public record BatchOutcome(int received, int indexed, int duplicates, int alerts) {
    public static final BatchOutcome EMPTY = new BatchOutcome(0, 0, 0, 0);
}
