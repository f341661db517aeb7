package dev.firebreak.store;

import java.util.List;
import java.util.Optional;

/**
 * Each alert's service clocks (acknowledge, first reply, supervisor) as one JSON object under the
 * alert id, with the set of alerts that still have a clock running and, per story (incident), the
 * alerts raised on it. Blocking: call off the event loop (the pipeline's worker).
 */
public interface ServiceClockRecords {

    /**
     * Stores an alert's clocks, replacing what was stored under its id; {@code pending}: a clock still
     * runs, so the alert is among {@link #pending()}. {@code storyId} may be null (then no story lists it).
     */
    void save(String alertId, String storyId, String json, boolean pending);

    Optional<String> get(String alertId);

    /** The JSON of every alert with a clock still running, in no particular order. */
    List<String> pending();

    /** The ids of the alerts whose clocks were stored for this story, in no particular order. */
    List<String> ofStory(String storyId);
}
