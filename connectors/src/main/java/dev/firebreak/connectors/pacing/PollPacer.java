package dev.firebreak.connectors.pacing;

import java.time.Duration;

/**
 * How long a feed waits before its next poll: the shortest interval while polls keep finding new
 * mentions (a story is hot), doubling on each empty poll up to the longest (nothing is happening).
 */
public final class PollPacer {
    private final Duration min;
    private final Duration max;
    private Duration current;

    public PollPacer(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the longest poll interval must not be shorter than the shortest");
        }
        this.min = min;
        this.max = max;
        this.current = min;
    }

    public synchronized Duration after(boolean foundNew) {
        current = foundNew ? min : min(current.multipliedBy(2), max);
        return current;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
