package dev.firebreak.store;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Mentions' counters over time (reposts, comments, likes), for the virality forecast. */
public interface Observations {

    /** Stores counter observations, each under its mention and time; storing one twice is a no-op. */
    CompletionStage<Void> recordObservations(Collection<dev.firebreak.core.CounterObservation> observations);

    /** A mention's counter observations as JSON, oldest first. */
    CompletionStage<List<String>> observations(String mentionKey);
}
