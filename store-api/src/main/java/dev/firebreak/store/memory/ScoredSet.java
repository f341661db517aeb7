package dev.firebreak.store.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Members with a score, listed as a Redis sorted set lists them: by score, ties by member. */
final class ScoredSet {
    private final Map<String, Long> scores = new HashMap<>();

    /** Adds the member, or moves it to the new score. */
    void put(String member, long score) {
        scores.put(member, score);
    }

    boolean remove(String member) {
        return scores.remove(member) != null;
    }

    boolean contains(String member) {
        return scores.containsKey(member);
    }

    int size() {
        return scores.size();
    }

    /** Members lowest score first. */
    List<String> ascending() {
        return entries().map(Map.Entry::getKey).toList();
    }

    /** Scores lowest first. */
    List<Long> ascendingScores() {
        return entries().map(Map.Entry::getValue).toList();
    }

    /** Forgets every member scored at most {@code max}. */
    void removeUpTo(long max) {
        scores.values().removeIf(s -> s <= max);
    }

    private java.util.stream.Stream<Map.Entry<String, Long>> entries() {
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
    }
}
