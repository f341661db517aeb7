package dev.firebreak.daemon.runtime;

import java.time.Instant;

/**
 * What one connector's account (one token) is allowed to do, shared by all its feeds: a quota pause
 * on one feed pauses them all (they spend the same quota), and a dead token stops them all until an
 * operator re-authorises the account and restarts.
 */
final class AccountState {
    private volatile Instant pausedUntil;
    private volatile String stoppedBecause;

    void pauseUntil(Instant until) {
        Instant current = pausedUntil;
        if (current == null || until.isAfter(current)) {
            pausedUntil = until;
        }
    }

    /** When the account may poll again, or null if it may now. */
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
