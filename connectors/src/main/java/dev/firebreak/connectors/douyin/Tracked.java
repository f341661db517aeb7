package dev.firebreak.connectors.douyin;

import dev.firebreak.core.Metrics;
import java.time.Duration;

/**
 * A video whose statistics are followed: when it is next due (epoch ms), the interval it is on, and
 * the counters last seen. The interval doubles while the counters stand still and drops back to the
 * shortest as soon as they move, so a cold video costs few calls and a spreading one is sampled often.
 */
record Tracked(long due, long everyMs, Metrics last) {
    Tracked next(long now, Metrics seen, Duration min, Duration max, boolean watched) {
        long every = last != null && last.equals(seen) ? Math.min(everyMs * 2, max.toMillis()) : min.toMillis();
        if (watched) {
            every = min.toMillis(); // a post in an open story is sampled as often as allowed
        }
        return new Tracked(now + every, Math.max(every, 1), seen);
    }

    /** No counters came back (video gone or hidden): wait longer before asking again. */
    Tracked unanswered(long now, Duration max) {
        long every = Math.min(Math.max(everyMs, 1) * 2, max.toMillis());
        return new Tracked(now + every, every, last);
    }
}
