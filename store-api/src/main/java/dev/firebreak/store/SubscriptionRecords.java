package dev.firebreak.store;

import java.util.List;

/**
 * PR users' webhook subscriptions as stored, each a JSON object under its id. Blocking: call off the
 * event loop (subscriptions change seldom and are read once at start).
 */
public interface SubscriptionRecords {

    /** Every stored subscription's JSON, in no particular order. */
    List<String> all();

    /** Stores a subscription under its id, replacing one with the same id. */
    void save(String id, String json);

    void delete(String id);
}
