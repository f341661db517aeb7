package dev.firebreak.connect.api;

import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.Mention;
import java.time.Duration;
import java.util.List;

/**
 * What one poll returned: mentions, the problems met on the way (a bad line, a skipped item), the
 * cursor that covers them, counter observations of followed posts, and when to poll next. The runtime saves {@code nextCursor} only after
 * the mentions are indexed. {@code finished} means the feed has nothing more, ever (end of a file).
 */
public record PollResult(List<Mention> mentions, List<Problem> problems, String nextCursor,
                         Duration pollAgainAfter, boolean finished, List<CounterObservation> observations) {

    public PollResult {
        mentions = List.copyOf(mentions);
        problems = List.copyOf(problems);
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    public PollResult(List<Mention> mentions, List<Problem> problems, String nextCursor, Duration pollAgainAfter,
                      boolean finished) {
        this(mentions, problems, nextCursor, pollAgainAfter, finished, List.of());
    }

    /** A poll that fetched nothing: the cursor stays (or is the one given), poll again after {@code after}. */
    public static PollResult nothing(String cursor, Duration after) {
        return new PollResult(List.of(), List.of(), cursor, after, false);
    }

    /** Something a poll could not take in, and where it was. */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }
}
