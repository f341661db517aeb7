package dev.firebreak.store.memory;

import dev.firebreak.store.LifecycleStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link LifecycleStore} in the process's memory; one lock makes each transition atomic. */
public final class InMemoryLifecycleStore implements LifecycleStore {
    private final Map<String, Versioned> lifecycles = new HashMap<>();
    private final Map<String, List<String>> audits = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final List<String> ruleChanges = new ArrayList<>();
    private final Map<String, String> silences = new LinkedHashMap<>();
    private String engineState;

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public synchronized CompletionStage<Boolean> transition(String alertId, long expectedVersion, String lifecycleJson,
                                                            String auditJson, boolean isOpen) {
        Versioned stored = lifecycles.get(alertId);
        long version = stored == null ? 0 : stored.version();
        if (version != expectedVersion) {
            return done(false);
        }
        lifecycles.put(alertId, new Versioned(version + 1, lifecycleJson));
        audits.computeIfAbsent(alertId, a -> new ArrayList<>()).add(auditJson);
        if (isOpen) {
            open.add(alertId);
        } else {
            open.remove(alertId);
        }
        return done(true);
    }

    @Override
    public synchronized CompletionStage<Optional<Versioned>> lifecycle(String alertId) {
        return done(Optional.ofNullable(lifecycles.get(alertId)));
    }

    @Override
    public synchronized CompletionStage<List<String>> audit(String alertId) {
        return done(List.copyOf(audits.getOrDefault(alertId, List.of())));
    }

    @Override
    public synchronized CompletionStage<Set<String>> openAlerts() {
        return done(new HashSet<>(open));
    }

    @Override
    public synchronized CompletionStage<Void> saveEngineState(String json) {
        engineState = json;
        return done(null);
    }

    @Override
    public synchronized CompletionStage<Optional<String>> engineState() {
        return done(Optional.ofNullable(engineState));
    }

    @Override
    public synchronized CompletionStage<Long> recordRuleChange(String json) {
        ruleChanges.add(json);
        return done((long) ruleChanges.size());
    }

    @Override
    public synchronized CompletionStage<List<String>> ruleChanges(int limit) {
        int n = Math.max(0, Math.min(limit, ruleChanges.size()));
        List<String> newest = new ArrayList<>(ruleChanges.subList(ruleChanges.size() - n, ruleChanges.size()));
        Collections.reverse(newest);
        return done(newest);
    }

    @Override
    public synchronized CompletionStage<Long> ruleChangeCount() {
        return done((long) ruleChanges.size());
    }

    @Override
    public synchronized CompletionStage<Void> saveSilence(String id, String json) {
        silences.put(id, json);
        return done(null);
    }

    @Override
    public synchronized CompletionStage<Boolean> deleteSilence(String id) {
        return done(silences.remove(id) != null);
    }

    @Override
    public synchronized CompletionStage<List<String>> silences() {
        return done(List.copyOf(silences.values()));
    }
}
