package dev.firebreak.store.memory;

import dev.firebreak.store.AuditLog;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link AuditLog} in the process's memory, keeping the newest {@code cap} entries of each log. */
public final class InMemoryAuditLog implements AuditLog {
    private final int cap;
    private final Map<String, Deque<String>> logs = new HashMap<>();

    public InMemoryAuditLog(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized CompletionStage<Void> append(String log, String entryJson) {
        Deque<String> entries = logs.computeIfAbsent(log, l -> new ArrayDeque<>());
        entries.addFirst(entryJson);
        while (entries.size() > cap) {
            entries.removeLast();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<String>> latest(String log, int limit) {
        List<String> newest = logs.getOrDefault(log, new ArrayDeque<>()).stream().limit(Math.max(0, limit)).toList();
        return CompletableFuture.completedFuture(newest);
    }
}
