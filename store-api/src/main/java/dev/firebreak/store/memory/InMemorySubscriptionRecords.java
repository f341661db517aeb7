package dev.firebreak.store.memory;

import dev.firebreak.store.SubscriptionRecords;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SubscriptionRecords} in the process's memory. */
public final class InMemorySubscriptionRecords implements SubscriptionRecords {
    private final Map<String, String> records = new ConcurrentHashMap<>();

    @Override
    public List<String> all() {
        return List.copyOf(records.values());
    }

    @Override
    public void save(String id, String json) {
        records.put(id, json);
    }

    @Override
    public void delete(String id) {
        records.remove(id);
    }
}
