package dev.firebreak.store.memory;

import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link StateStore} in the process's memory: for unit tests and for tools that need no shared state.
 * One lock keeps each call atomic, as the Redis scripts are; nothing survives the process.
 */
public final class InMemoryStateStore implements StateStore {
    private final Map<String, String> cursors = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> alerts = new HashMap<>();
    private final TreeMap<Long, String> feed = new TreeMap<>();
    private final Map<String, Long> seqOf = new HashMap<>();
    private long lastSeq;
    private final Map<String, Map<String, Long>> watched = new HashMap<>();
    private final Map<String, TreeSet<Observation>> observations = new HashMap<>();
    /** Delivery id ({@code source:id}) to when it was first taken (ms). */
    private final Map<String, Long> deliveries = new HashMap<>();
    private final Clock clock;
    private final Map<String, String> storyLinks = new HashMap<>();

    /** On the system clock. */
    public InMemoryStateStore() {
        this(Clock.systemUTC());
    }

    /** With the clock that delivery ids expire by (a day, as in Redis). */
    public InMemoryStateStore(Clock clock) {
        this.clock = clock;
    }

    private record Observation(long at, String json) implements Comparable<Observation> {
        @Override
        public int compareTo(Observation o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : json.compareTo(o.json);
        }
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public synchronized CompletionStage<Optional<String>> cursor(String feedId) {
        return done(Optional.ofNullable(cursors.get(feedId)));
    }

    @Override
    public synchronized CompletionStage<Void> saveCursor(String feedId, String cursor) {
        cursors.put(feedId, cursor);
        return done(null);
    }

    @Override
    public synchronized CompletionStage<Set<String>> seen(Collection<String> mentionIds) {
        Set<String> out = new HashSet<>();
        for (String id : mentionIds) {
            if (seen.contains(id)) {
                out.add(id);
            }
        }
        return done(out);
    }

    @Override
    public synchronized CompletionStage<Void> markSeen(Collection<String> mentionIds) {
        seen.addAll(mentionIds);
        return done(null);
    }

    @Override
    public synchronized CompletionStage<OptionalLong> recordAlert(String alertId, String json) {
        if (alerts.containsKey(alertId)) {
            return done(OptionalLong.empty());
        }
        alerts.put(alertId, json);
        return done(OptionalLong.of(place(alertId)));
    }

    @Override
    public synchronized CompletionStage<OptionalLong> updateAlert(String alertId, String json) {
        if (!alerts.containsKey(alertId)) {
            return done(OptionalLong.empty());
        }
        alerts.put(alertId, json);
        return done(OptionalLong.of(place(alertId)));
    }

    /** Moves the alert to a new sequence number at the end of the feed. */
    private long place(String alertId) {
        Long old = seqOf.get(alertId);
        if (old != null) {
            feed.remove(old);
        }
        long seq = ++lastSeq;
        feed.put(seq, alertId);
        seqOf.put(alertId, seq);
        return seq;
    }

    @Override
    public synchronized CompletionStage<Optional<String>> alert(String alertId) {
        return done(Optional.ofNullable(alerts.get(alertId)));
    }

    @Override
    public synchronized CompletionStage<List<RecordedAlert>> alertsAfter(long seq, int limit) {
        List<RecordedAlert> out = new ArrayList<>();
        for (Map.Entry<Long, String> e : feed.tailMap(seq, false).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new RecordedAlert(e.getKey(), alerts.get(e.getValue())));
        }
        return done(out);
    }

    @Override
    public synchronized CompletionStage<List<RecordedAlert>> latestAlerts(int limit) {
        List<RecordedAlert> out = new ArrayList<>();
        for (Map.Entry<Long, String> e : feed.descendingMap().entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new RecordedAlert(e.getKey(), alerts.get(e.getValue())));
        }
        return done(out);
    }

    @Override
    public synchronized CompletionStage<Long> lastSeq() {
        return done(lastSeq);
    }

    @Override
    public synchronized CompletionStage<Void> touchWatched(String platform, Collection<String> nativeIds, long nowMillis) {
        Map<String, Long> posts = watched.computeIfAbsent(platform, p -> new HashMap<>());
        nativeIds.forEach(id -> posts.put(id, nowMillis));
        return done(null);
    }

    @Override
    public synchronized CompletionStage<LinkedHashMap<String, Long>> watched(String platform, long sinceMillis, int limit) {
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        watched.getOrDefault(platform, Map.of()).entrySet().stream()
                .filter(e -> e.getValue() >= sinceMillis)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
                .limit(Math.max(0, limit))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return done(out);
    }

    @Override
    public synchronized CompletionStage<Void> recordObservations(Collection<CounterObservation> list) {
        for (CounterObservation o : list) {
            observations.computeIfAbsent(o.mentionKey(), k -> new TreeSet<>())
                    .add(new Observation(o.observedAt().toInstant().toEpochMilli(), FirebreakJson.write(o)));
        }
        return done(null);
    }

    @Override
    public synchronized CompletionStage<List<String>> observations(String mentionKey) {
        return done(observations.getOrDefault(mentionKey, new TreeSet<>()).stream().map(Observation::json).toList());
    }

    /** How long a delivery id is remembered: a day, as the Redis store's key expiry. */
    static final long DELIVERY_ID_MILLIS = 86_400_000L;

    @Override
    public synchronized CompletionStage<Boolean> firstDelivery(String source, String deliveryId) {
        long now = clock.millis();
        String key = source + ":" + deliveryId;
        Long taken = deliveries.get(key);
        if (taken != null && now - taken < DELIVERY_ID_MILLIS) {
            return done(false);
        }
        deliveries.put(key, now);
        return done(true);
    }

    @Override
    public synchronized CompletionStage<Void> forgetDelivery(String source, String deliveryId) {
        deliveries.remove(source + ":" + deliveryId);
        return done(null);
    }

    @Override
    public synchronized CompletionStage<Map<String, String>> storyLinks(Collection<String> rootKeys) {
        Map<String, String> out = new HashMap<>();
        for (String root : rootKeys) {
            String story = storyLinks.get(root);
            if (story != null) {
                out.put(root, story);
            }
        }
        return done(out);
    }

    @Override
    public synchronized CompletionStage<Void> saveStoryLinks(Map<String, String> links) {
        links.forEach(storyLinks::putIfAbsent);
        return done(null);
    }

    @Override
    public CompletionStage<Boolean> ping() {
        return done(true);
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
