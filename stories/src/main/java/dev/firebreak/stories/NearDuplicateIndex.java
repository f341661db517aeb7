package dev.firebreak.stories;

import dev.firebreak.analysis.text.HashMix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the story of an earlier post worded like a new one, in time that does not grow with the
 * index: every bigram of every indexed post is posted in a fixed table of buckets, each keeping the
 * newest {@link #SLOTS} posts; a new post's bigrams collect candidates there, and the candidates
 * that share enough bigrams get their exact Jaccard similarity computed. Bigrams common to many
 * posts (客服, 退款, the brand's name) fill their buckets with the newest posts only, which is what
 * they are worth: rare bigrams find the copies.
 *
 * <p>Posts older than {@code windowMillis} (event time) are not matched, and are dropped when the
 * index is full. Memory is flat arrays: the bigram sets in one pool, and the bucket table.
 * Synchronized; the pipeline calls it from one thread.
 */
public final class NearDuplicateIndex {
    /** A match: the story and the Jaccard similarity of the wording. */
    public record Match(String storyId, double similarity) { }

    static final int SLOTS = 16;
    private static final int BUCKET_BITS = 20;
    private static final int MAX_VERIFIED = 32;

    private final double threshold;
    private final long windowMillis;
    private final int capacity;

    private int[] pool = new int[1 << 16];      // every post's bigrams, back to back
    private int poolUsed;
    private int[] start = new int[1024];
    private int[] length = new int[1024];
    private long[] times = new long[1024];
    private int[] stories = new int[1024];
    private byte[] polarity = new byte[1024];   // +1 positive, -1 negative, 0 neither or unknown
    private int entries;
    private int[] buckets = new int[(1 << BUCKET_BITS) * SLOTS];   // entry + 1, 0 = empty
    private final byte[] cursor = new byte[1 << BUCKET_BITS];
    private final List<String> storyNames = new ArrayList<>();
    private final Map<String, Integer> storyNumbers = new HashMap<>();
    private final Map<Integer, int[]> counts = new HashMap<>();

    public NearDuplicateIndex(double threshold, long windowMillis, int capacity) {
        this.threshold = threshold;
        this.windowMillis = windowMillis;
        this.capacity = capacity;
    }

    public synchronized int size() {
        return entries;
    }

    /** The most similar earlier post's story within the window, if at least {@code threshold}; else null. */
    public synchronized Match find(int[] shingles, long atMillis) {
        return find(shingles, atMillis, 0);
    }

    /**
     * As {@link #find(int[], long)}, skipping posts of the opposite polarity ({@code +1} positive,
     * {@code -1} negative, 0 unknown): praise and a complaint about the same product are never one
     * incident, however alike their wording.
     */
    public synchronized Match find(int[] shingles, long atMillis, int sign) {
        counts.clear();
        for (int s : shingles) {
            int base = bucket(s) * SLOTS;
            for (int k = 0; k < SLOTS; k++) {
                int e = buckets[base + k] - 1;
                if (e >= 0 && Math.abs(atMillis - times[e]) <= windowMillis) counts.computeIfAbsent(e, x -> new int[1])[0]++;
            }
        }
        // J >= t needs |A ∩ B| >= t |A|; bucket sharing can only overcount, so this never drops a match.
        double need = threshold * shingles.length * 0.5;
        List<int[]> candidates = new ArrayList<>();
        counts.forEach((e, c) -> {
            if (c[0] >= need) candidates.add(new int[] {e, c[0]});
        });
        candidates.sort((a, b) -> Integer.compare(b[1], a[1]));
        int best = -1;
        double bestSimilarity = threshold;
        for (int i = 0; i < Math.min(MAX_VERIFIED, candidates.size()); i++) {
            int e = candidates.get(i)[0];
            if (sign * polarity[e] < 0) continue;
            double j = Shingles.jaccard(pool, start[e], length[e], shingles);
            if (j >= bestSimilarity && (best < 0 || j > bestSimilarity)) {
                bestSimilarity = j;
                best = e;
            }
        }
        return best < 0 ? null : new Match(storyNames.get(stories[best]), bestSimilarity);
    }

    public synchronized void add(int[] shingles, String storyId, long atMillis) {
        add(shingles, storyId, atMillis, 0);
    }

    public synchronized void add(int[] shingles, String storyId, long atMillis, int sign) {
        if (entries == capacity || poolUsed + shingles.length > Integer.MAX_VALUE / 2) compact(atMillis);
        if (entries == times.length) growEntries();
        while (poolUsed + shingles.length > pool.length) pool = Arrays.copyOf(pool, pool.length * 2);
        int e = entries++;
        System.arraycopy(shingles, 0, pool, poolUsed, shingles.length);
        start[e] = poolUsed;
        length[e] = shingles.length;
        poolUsed += shingles.length;
        times[e] = atMillis;
        polarity[e] = (byte) Integer.signum(sign);
        stories[e] = storyNumbers.computeIfAbsent(storyId, id -> {
            storyNames.add(id);
            return storyNames.size() - 1;
        });
        for (int s : shingles) {
            int b = bucket(s);
            buckets[b * SLOTS + (cursor[b] & 0xFF)] = e + 1;
            cursor[b] = (byte) (((cursor[b] & 0xFF) + 1) % SLOTS);
        }
    }

    private static int bucket(int shingle) {
        return HashMix.mix(shingle) & ((1 << BUCKET_BITS) - 1);
    }

    private void growEntries() {
        int n = Math.min(capacity, times.length * 2);
        start = Arrays.copyOf(start, n);
        length = Arrays.copyOf(length, n);
        times = Arrays.copyOf(times, n);
        stories = Arrays.copyOf(stories, n);
        polarity = Arrays.copyOf(polarity, n);
    }

    /**
     * Full: keep the posts still inside the window (or the newer half, if all are) and index them
     * again. Posts arrive in about event-time order, so the oldest are first.
     */
    private void compact(long atMillis) {
        int n = entries;
        int keepFrom = 0;
        while (keepFrom < n && times[keepFrom] < atMillis - windowMillis) keepFrom++;
        if (keepFrom == 0) keepFrom = n / 2;
        int[] oldPool = pool;
        int[] oldStart = start;
        int[] oldLength = length;
        long[] oldTimes = times;
        int[] oldStories = stories;
        byte[] oldPolarity = polarity;
        List<String> names = new ArrayList<>(storyNames);
        storyNames.clear();
        storyNumbers.clear();
        Arrays.fill(buckets, 0);
        Arrays.fill(cursor, (byte) 0);
        pool = new int[oldPool.length];
        poolUsed = 0;
        start = new int[oldStart.length];
        length = new int[oldLength.length];
        times = new long[oldTimes.length];
        stories = new int[oldStories.length];
        polarity = new byte[oldPolarity.length];
        entries = 0;
        for (int e = keepFrom; e < n; e++) {
            add(Arrays.copyOfRange(oldPool, oldStart[e], oldStart[e] + oldLength[e]), names.get(oldStories[e]), oldTimes[e],
                    oldPolarity[e]);
        }
    }
}
