package dev.firebreak.connectors.testing;

import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.Mention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The runtime in miniature, for connector tests: polls a task from a saved cursor, "indexes" what it
 * returns (counting each mention key, so a duplicate shows), and saves the cursor only after that.
 * A failed poll saves nothing. Several harnesses can share one {@link Store} to simulate a restart.
 */
public final class PollHarness {
    /** What survives a restart: the indexed mentions and the saved cursor per feed. */
    public static final class Store {
        public final Map<String, Integer> indexed = new LinkedHashMap<>();
        public final Map<String, Mention> mentions = new LinkedHashMap<>();
        public final Map<String, String> cursors = new LinkedHashMap<>();
        public final List<CounterObservation> observations = new ArrayList<>();

        public List<String> duplicates() {
            return indexed.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        }
    }

    private final PollTask task;
    private final String feed;
    private final Store store;
    public final List<PlatformException> errors = new ArrayList<>();

    public PollHarness(PollTask task, String feed, Store store) {
        this.task = task;
        this.feed = feed;
        this.store = store;
    }

    /** One poll. Returns the result, or null after recording the PlatformException it failed with. */
    public PollResult round() throws Exception {
        String before = store.cursors.get(feed);
        try {
            PollResult r = task.poll(before).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            for (Mention m : r.mentions()) {
                store.indexed.merge(m.key(), 1, Integer::sum);
                store.mentions.put(m.key(), m);
            }
            store.observations.addAll(r.observations());
            store.cursors.put(feed, r.nextCursor());
            return r;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PlatformException p) {
                errors.add(p);
                if (before == null) {
                    store.cursors.remove(feed);
                } else {
                    store.cursors.put(feed, before);
                }
                return null;
            }
            throw e;
        }
    }

    /** Polls until a poll succeeds with nothing new, at most {@code max} rounds; returns the rounds used. */
    public int drain(int max) throws Exception {
        for (int i = 1; i <= max; i++) {
            PollResult r = round();
            if (r != null && r.mentions().isEmpty() && r.observations().isEmpty()) {
                return i;
            }
        }
        return max;
    }

    public String cursor() {
        return store.cursors.get(feed);
    }

    public PollTask task() {
        return task;
    }
}
