package dev.firebreak.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Alert deliveries as stored, each a JSON value under its id: each endpoint's queue in the order
 * deliveries were queued, its dead letters (by when they died), its log of the latest deliveries (by
 * when they were made), each delivery's attempts, each endpoint's state and its recent sends, and which
 * endpoints hold each alert. Blocking: never call on an event loop.
 */
public interface DeliveryRecords {
    /** How many of each endpoint's latest deliveries the log keeps, unless a store is made with another number. */
    int LOG_KEEP = 2_000;
    /** How many of a delivery's latest attempts are kept. */
    int ATTEMPTS_KEEP = 50;

    /**
     * Stores a delivery once under its id, at the end of its endpoint's queue and in its log; false
     * when a delivery with this id is stored already. Deliveries that fall off the log are forgotten
     * with their attempts, unless still queued or dead (those stay until they are finished or revived).
     */
    boolean enqueue(String endpoint, String id, String json, long createdAt);

    /** The JSON of the endpoint's queued deliveries, in the order they were queued. */
    List<String> pending(String endpoint);

    int pendingCount(String endpoint);

    Optional<String> get(String id);

    /** The JSON of the endpoint's latest {@code limit} (at least 1) deliveries in its log, newest first. */
    List<String> recent(String endpoint, int limit);

    /** Replaces a delivery's JSON. */
    void save(String id, String json);

    /**
     * Saves a delivery that is done and takes it off its endpoint's queue: a dead one joins the dead
     * letters at {@code finishedAt}; a delivered one no longer in the log is forgotten.
     */
    void finish(String endpoint, String id, String json, boolean dead, long finishedAt);

    /** Saves a dead letter and puts it back at the end of its endpoint's queue. */
    void requeue(String endpoint, String id, String json);

    /** How many deliveries are stored in all (queued, dead and logged). */
    long size();

    /** The JSON of the endpoint's dead letters, oldest death first. */
    List<String> deadLetters(String endpoint);

    int deadCount(String endpoint);

    /** Appends an attempt to a delivery's, keeping the latest {@link #ATTEMPTS_KEEP}. */
    void attempt(String id, String attemptJson);

    /** A delivery's attempts, oldest first. */
    List<String> attempts(String id);

    Optional<String> endpointState(String endpoint);

    void saveEndpointState(String endpoint, String json);

    /** Counts a message sent at {@code now} toward the endpoint's rate. */
    void sent(String endpoint, String messageId, long now);

    /** Forgets the endpoint's sends at or before {@code since}; the times of the rest, oldest first. */
    List<Long> sentSince(String endpoint, long since);

    /**
     * Adds endpoints to those holding an alert (remembered for 30 days from the last addition) and
     * answers every endpoint holding it now.
     */
    Set<String> hold(String alertId, List<String> endpoints);

    Set<String> holders(String alertId);

    /** Forgets an endpoint's queue (a deleted subscription): its queued deliveries are not sent. */
    void dropQueue(String endpoint);
}
