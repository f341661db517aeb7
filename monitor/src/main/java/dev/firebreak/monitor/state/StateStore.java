package dev.firebreak.monitor.state;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The shared hot state of Firebreak: feed cursors, which mentions were already processed, and the
 * alert feed, the posts of open stories and their counters. Everything Redis does for us goes through this interface and nothing else.
 */
public interface StateStore extends AutoCloseable {
    CompletionStage<Optional<String>> cursor(String feed);

    CompletionStage<Void> saveCursor(String feed, String cursor);

    /** Which of these mention ids were already fully processed. */
    CompletionStage<Set<String>> seen(Collection<String> mentionIds);

    CompletionStage<Void> markSeen(Collection<String> mentionIds);

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

    /** Marks posts as active in an open story now (wall time), so connectors follow them. */
    CompletionStage<Void> touchWatched(String platform, Collection<String> nativeIds, long nowMillis);

    /**
     * The posts of a platform touched since {@code sinceMillis}, most recent first, at most
     * {@code limit}: native id to the wall time (ms) it was last touched.
     */
    CompletionStage<java.util.LinkedHashMap<String, Long>> watched(String platform, long sinceMillis, int limit);

    /** Stores counter observations, each under its mention and time; storing one twice is a no-op. */
    CompletionStage<Void> recordObservations(Collection<dev.firebreak.core.CounterObservation> observations);

    /** A mention's counter observations as JSON, oldest first. */
    CompletionStage<List<String>> observations(String mentionKey);

    /** Remembers a delivery id (a webhook's Msg-Id) for a day; true if it was new. */
    CompletionStage<Boolean> firstDelivery(String source, String deliveryId);

    /** Forgets a delivery id, so a retry of a delivery that could not be stored is taken. */
    CompletionStage<Void> forgetDelivery(String source, String deliveryId);

    /** The stories that the given root posts were joined to as near-duplicates (absent: their own story). */
    CompletionStage<java.util.Map<String, String>> storyLinks(Collection<String> rootKeys);

    /** Records root post -> story links; a link is never changed once made. */
    CompletionStage<Void> saveStoryLinks(java.util.Map<String, String> links);

    CompletionStage<Boolean> ping();

    @Override
    void close();
}
