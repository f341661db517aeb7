package dev.firebreak.store.memory;

import dev.firebreak.store.DeliveryRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link DeliveryRecords} in the process's memory; one lock keeps each call atomic, as the Redis script is. */
public final class InMemoryDeliveryRecords implements DeliveryRecords {
    private static final long HOLDERS_MILLIS = Duration.ofDays(30).toMillis();

    private final int logKeep;
    private final Clock clock;
    private final Map<String, String> deliveries = new HashMap<>();
    private final Map<String, ScoredSet> queues = new HashMap<>();
    private final Map<String, ScoredSet> logs = new HashMap<>();
    private final Map<String, ScoredSet> dead = new HashMap<>();
    private final Map<String, ScoredSet> sends = new HashMap<>();
    private final Map<String, List<String>> attempts = new HashMap<>();
    private final Map<String, String> endpointStates = new HashMap<>();
    private final Map<String, Holders> holders = new HashMap<>();
    private long order;

    private record Holders(Set<String> endpoints, long expiresAt) { }

    public InMemoryDeliveryRecords() {
        this(LOG_KEEP, Clock.systemUTC());
    }

    /** {@code logKeep}: how many of each endpoint's latest deliveries are kept once done; holders expire by {@code clock}. */
    public InMemoryDeliveryRecords(int logKeep, Clock clock) {
        this.logKeep = logKeep;
        this.clock = clock;
    }

    private static ScoredSet of(Map<String, ScoredSet> sets, String endpoint) {
        return sets.computeIfAbsent(endpoint, e -> new ScoredSet());
    }

    @Override
    public synchronized boolean enqueue(String endpoint, String id, String json, long createdAt) {
        if (deliveries.containsKey(id)) return false;
        deliveries.put(id, json);
        of(queues, endpoint).put(id, ++order);
        ScoredSet log = of(logs, endpoint);
        log.put(id, createdAt);
        List<String> oldestFirst = log.ascending();
        for (String old : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - logKeep))) {
            if (!of(queues, endpoint).contains(old) && !of(dead, endpoint).contains(old)) {
                forget(old);
            }
            log.remove(old);
        }
        return true;
    }

    @Override
    public synchronized List<String> pending(String endpoint) {
        return load(of(queues, endpoint).ascending());
    }

    @Override
    public synchronized int pendingCount(String endpoint) {
        return of(queues, endpoint).size();
    }

    @Override
    public synchronized Optional<String> get(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public synchronized List<String> recent(String endpoint, int limit) {
        List<String> newest = new ArrayList<>(of(logs, endpoint).ascending());
        java.util.Collections.reverse(newest);
        return load(newest.subList(0, Math.min(newest.size(), Math.max(1, limit))));
    }

    @Override
    public synchronized void save(String id, String json) {
        deliveries.put(id, json);
    }

    @Override
    public synchronized void finish(String endpoint, String id, String json, boolean isDead, long finishedAt) {
        deliveries.put(id, json);
        of(queues, endpoint).remove(id);
        if (isDead) {
            of(dead, endpoint).put(id, finishedAt);
        } else if (!of(logs, endpoint).contains(id)) {
            forget(id);
        }
    }

    @Override
    public synchronized void requeue(String endpoint, String id, String json) {
        deliveries.put(id, json);
        of(dead, endpoint).remove(id);
        of(queues, endpoint).put(id, ++order);
    }

    private void forget(String id) {
        deliveries.remove(id);
        attempts.remove(id);
    }

    @Override
    public synchronized long size() {
        return deliveries.size();
    }

    @Override
    public synchronized List<String> deadLetters(String endpoint) {
        return load(of(dead, endpoint).ascending());
    }

    @Override
    public synchronized int deadCount(String endpoint) {
        return of(dead, endpoint).size();
    }

    @Override
    public synchronized void attempt(String id, String attemptJson) {
        List<String> list = attempts.computeIfAbsent(id, i -> new ArrayList<>());
        list.add(attemptJson);
        if (list.size() > ATTEMPTS_KEEP) list.subList(0, list.size() - ATTEMPTS_KEEP).clear();
    }

    @Override
    public synchronized List<String> attempts(String id) {
        return List.copyOf(attempts.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized Optional<String> endpointState(String endpoint) {
        return Optional.ofNullable(endpointStates.get(endpoint));
    }

    @Override
    public synchronized void saveEndpointState(String endpoint, String json) {
        endpointStates.put(endpoint, json);
    }

    @Override
    public synchronized void sent(String endpoint, String messageId, long now) {
        of(sends, endpoint).put(messageId + "@" + now, now);
    }

    @Override
    public synchronized List<Long> sentSince(String endpoint, long since) {
        ScoredSet sent = of(sends, endpoint);
        sent.removeUpTo(since);
        return sent.ascendingScores();
    }

    @Override
    public synchronized Set<String> hold(String alertId, List<String> endpoints) {
        Set<String> now = new HashSet<>(holders(alertId));
        if (!endpoints.isEmpty()) {
            now.addAll(endpoints);
            holders.put(alertId, new Holders(now, clock.millis() + HOLDERS_MILLIS));
        }
        return Set.copyOf(now);
    }

    @Override
    public synchronized Set<String> holders(String alertId) {
        Holders h = holders.get(alertId);
        if (h == null || clock.millis() >= h.expiresAt()) {
            holders.remove(alertId);
            return Set.of();
        }
        return Set.copyOf(h.endpoints());
    }

    @Override
    public synchronized void dropQueue(String endpoint) {
        queues.remove(endpoint);
    }

    private List<String> load(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            String json = deliveries.get(id);
            if (json != null) out.add(json);
        }
        return out;
    }
}
