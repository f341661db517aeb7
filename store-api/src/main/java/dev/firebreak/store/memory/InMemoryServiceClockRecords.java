package dev.firebreak.store.memory;

import dev.firebreak.store.ServiceClockRecords;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ServiceClockRecords} in the process's memory. */
public final class InMemoryServiceClockRecords implements ServiceClockRecords {
    private final Map<String, String> records = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> byStory = new ConcurrentHashMap<>();

    @Override
    public void save(String alertId, String storyId, String json, boolean running) {
        if (storyId != null) byStory.computeIfAbsent(storyId, s -> ConcurrentHashMap.newKeySet()).add(alertId);
        records.put(alertId, json);
        if (running) pending.add(alertId);
        else pending.remove(alertId);
    }

    @Override
    public Optional<String> get(String alertId) {
        return Optional.ofNullable(records.get(alertId));
    }

    @Override
    public List<String> pending() {
        return pending.stream().map(records::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<String> ofStory(String storyId) {
        return List.copyOf(byStory.getOrDefault(storyId, Set.of()));
    }
}
