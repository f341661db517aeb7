package dev.firebreak.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was computed for a text, for the most recent {@code capacity} texts. Reposts and copied
 * complaints repeat their original's text word for word, so the same text is never analysed twice
 * while it is still going round. Texts longer than {@link #LONGEST} chars are computed but not kept, so
 * the memo's size stays bounded by chars, not only by entries. Thread-safe; the computation itself
 * runs outside the lock.
 */
public final class TextMemo<V> {
    public static final int LONGEST = 1_000;

    private final Map<String, V> recent;
    private long hits;
    private long misses;

    public TextMemo(int capacity) {
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public V get(String text, Function<String, V> compute) {
        if (text.length() > LONGEST) {
            return compute.apply(text);
        }
        synchronized (this) {
            V known = recent.get(text);
            if (known != null) {
                hits++;
                return known;
            }
            misses++;
        }
        V value = compute.apply(text);
        synchronized (this) {
            recent.put(text, value);
        }
        return value;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
