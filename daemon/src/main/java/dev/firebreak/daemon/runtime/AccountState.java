package dev.firebreak.daemon.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * What one connector's account (one token) is allowed to do, shared by all its feeds: a quota pause
 * on one feed pauses them all (they spend the same quota), and a dead token stops them all until an
 * operator re-authorises the account and restarts.
 *
 * <p>A quota whose window the platform does not publish is probed rather than sat out: the first
 * pause is {@link #FIRST_PROBE}, each probe the platform refuses doubles it up to the cap, and any
 * answered poll ends the backoff.
 */
final class AccountState {
    static final Duration FIRST_PROBE = Duration.ofMinutes(1);

    private volatile Instant pausedUntil;
    private volatile String stoppedBecause;
    private int refusedProbes;

    synchronized void pauseUntil(Instant until) {
        Instant current = pausedUntil;
        if (current == null || until.isAfter(current)) {
            pausedUntil = until;
        }
    }

    /**
     * Pauses for a quota of unknown window and returns the next probe. A sibling feed that meets the
     * same refusal while the account is already paused does not double the wait again.
     */
    synchronized Instant pauseForQuota(Instant now, Duration cap) {
        Instant current = pausedUntil;
        if (current != null && current.isAfter(now)) {
            return current;
        }
        Duration wait = FIRST_PROBE.multipliedBy(1L << Math.min(refusedProbes, 20));
        if (wait.compareTo(cap) > 0) {
            wait = cap;
        }
        refusedProbes++;
        pausedUntil = now.plus(wait);
        return pausedUntil;
    }

    /** A poll the platform answered: the quota is back, so the next refusal starts at a minute again. */
    synchronized void answered() {
        refusedProbes = 0;
    }

    /** When the account may poll again (its next probe, for a quota pause), or null if it may now. */
    Instant pausedUntil(Instant now) {
        Instant until = pausedUntil;
        return until != null && until.isAfter(now) ? until : null;
    }

    void stop(String why) {
        stoppedBecause = why;
    }

    /** Why the account stopped (needs re-authorisation), or null while it runs. */
    String stoppedBecause() {
        return stoppedBecause;
    }
}
