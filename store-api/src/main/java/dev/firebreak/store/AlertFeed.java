package dev.firebreak.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** The alert feed: each alert recorded once under its id, with a sequence number the live feed and SSE replay follow. */
public interface AlertFeed {

    /**
     * Records an alert under its id, once: returns its feed sequence number if it is new, empty if an
     * alert with this id was recorded before. Atomic, so a crash cannot record half of it.
     */
    CompletionStage<OptionalLong> recordAlert(String alertId, String json);

    /**
     * Replaces a recorded alert's JSON (its story grew, it was acknowledged) and moves it to a new
     * sequence number, so the feed shows it again as an update of the same alert. Empty if no alert
     * has this id.
     */
    CompletionStage<OptionalLong> updateAlert(String alertId, String json);

    /** The latest recorded JSON of one alert, empty if no alert has this id. */
    CompletionStage<Optional<String>> alert(String alertId);

    /** Alerts with a sequence number above {@code seq}, oldest first. */
    CompletionStage<List<RecordedAlert>> alertsAfter(long seq, int limit);

    /** The newest alerts, newest first. */
    CompletionStage<List<RecordedAlert>> latestAlerts(int limit);

    /** The sequence number of the newest alert, 0 when there is none. */
    CompletionStage<Long> lastSeq();
}
