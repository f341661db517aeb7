package dev.firebreak.monitor.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the story of an earlier post worded like a new one, in time independent of how many posts
 * it holds: MinHash signatures split into bands (locality-sensitive hashing), so only posts that agree
 * on a whole band are compared, and a candidate counts when its signature agrees in at least
 * {@code threshold} of positions. Posts older than {@code windowMillis} (event time) are not matched,
 * and are dropped when the index fills up.
 *
 * <p>Memory is a few flat arrays: per post its signature, time and story, and per post and band one
 * link in a chained hash table. Synchronized; the pipeline calls it from one thread.
 */
public final class NearDuplicateIndex {
    /** A match: the story and the estimated Jaccard similarity of the wording. */
    public record Match(String storyId, double similarity) { }

    private static final int MAX_CHAIN = 64;   // a band shared by very many posts says little; look at the newest

    private final int bands;
    private final int rows;
    private final double threshold;
    private final long windowMillis;
    private final int capacity;
    private final int sigSize;

    private int[] signatures;
    private long[] times;
    private int[] stories;
    private int[] next;        // [entry * bands + band] -> previous entry in the same bucket, or -1
    private long[] keys;       // open addressing: (band, band hash) -> newest entry
    private int[] heads;
    private int used;          // slots in keys
    private int entries;
    private final List<String> storyNames = new ArrayList<>();
    private final Map<String, Integer> storyNumbers = new HashMap<>();

    public NearDuplicateIndex(int bands, int rows, double threshold, long windowMillis, int capacity) {
        this.bands = bands;
        this.rows = rows;
        this.threshold = threshold;
        this.windowMillis = windowMillis;
        this.capacity = capacity;
        this.sigSize = bands * rows;
        allocate(1024);
    }

    public synchronized int size() {
        return entries;
    }

    /** The most similar earlier post's story within the window, if similar enough; else null. */
    public synchronized Match find(int[] sig, long atMillis) {
        int best = -1;
        double bestSimilarity = threshold;
        for (int b = 0; b < bands; b++) {
            int seen = 0;
            for (int e = heads[slot(key(sig, b))]; e >= 0 && seen < MAX_CHAIN; e = next[e * bands + b], seen++) {
                if (atMillis - times[e] > windowMillis || times[e] - atMillis > windowMillis) continue;
                double s = similarity(sig, e);
                if (s > bestSimilarity || s == bestSimilarity && best < 0) {
                    bestSimilarity = s;
                    best = e;
                }
            }
        }
        return best < 0 ? null : new Match(storyNames.get(stories[best]), bestSimilarity);
    }

    public synchronized void add(int[] sig, String storyId, long atMillis) {
        if (sig.length != sigSize) throw new IllegalArgumentException("signature of " + sig.length + ", expected " + sigSize);
        if (entries == capacity) compact(atMillis);
        if (entries == times.length) grow();
        int e = entries++;
        System.arraycopy(sig, 0, signatures, e * sigSize, sigSize);
        times[e] = atMillis;
        stories[e] = storyNumbers.computeIfAbsent(storyId, id -> {
            storyNames.add(id);
            return storyNames.size() - 1;
        });
        for (int b = 0; b < bands; b++) {
            if ((used + 1) * 2 > keys.length) rehash();
            long k = key(sig, b);
            int s = slot(k);
            if (heads[s] < 0) {
                keys[s] = k;
                used++;
            }
            next[e * bands + b] = heads[s];
            heads[s] = e;
        }
    }

    private double similarity(int[] sig, int e) {
        int same = 0;
        int base = e * sigSize;
        for (int i = 0; i < sigSize; i++) {
            if (signatures[base + i] == sig[i]) same++;
        }
        return (double) same / sigSize;
    }

    /** A band's key: the band number and a hash of its rows. */
    private long key(int[] sig, int band) {
        int h = 0x811C9DC5;
        for (int r = 0; r < rows; r++) h = MinHasher.mix(h ^ sig[band * rows + r]);
        return ((long) band << 32) | (h & 0xFFFFFFFFL);
    }

    /** The slot holding {@code k}, or the empty slot where it would go. */
    private int slot(long k) {
        int mask = keys.length - 1;
        int s = MinHasher.mix((int) (k ^ (k >>> 29))) & mask;
        while (heads[s] >= 0 && keys[s] != k) s = (s + 1) & mask;
        return s;
    }

    private void allocate(int n) {
        signatures = new int[n * sigSize];
        times = new long[n];
        stories = new int[n];
        next = new int[n * bands];
        int slots = Integer.highestOneBit(Math.max(16, n * bands * 2)) * 2;
        keys = new long[slots];
        heads = new int[slots];
        Arrays.fill(heads, -1);
        used = 0;
    }

    private void grow() {
        int n = Math.min(capacity, times.length * 2);
        signatures = Arrays.copyOf(signatures, n * sigSize);
        times = Arrays.copyOf(times, n);
        stories = Arrays.copyOf(stories, n);
        next = Arrays.copyOf(next, n * bands);
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        Arrays.fill(heads, -1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] >= 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
            }
        }
    }

    /** Full: keep only the posts still inside the window (or the newer half, if all are), re-linked. */
    private void compact(long atMillis) {
        int[] oldSigs = signatures;
        long[] oldTimes = times;
        int[] oldStories = stories;
        int n = entries;
        long cutoff = atMillis - windowMillis;
        int keepFrom = 0;
        while (keepFrom < n && oldTimes[keepFrom] < cutoff) keepFrom++;
        if (keepFrom == 0) keepFrom = n / 2;
        List<String> names = new ArrayList<>(storyNames);
        storyNames.clear();
        storyNumbers.clear();
        entries = 0;
        allocate(Math.max(1024, times.length));
        int[] sig = new int[sigSize];
        for (int e = keepFrom; e < n; e++) {
            System.arraycopy(oldSigs, e * sigSize, sig, 0, sigSize);
            add(sig, names.get(oldStories[e]), oldTimes[e]);
        }
    }
}
