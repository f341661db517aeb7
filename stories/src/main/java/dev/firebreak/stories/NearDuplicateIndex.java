package dev.firebreak.stories;

import dev.firebreak.analysis.text.HashMix;
import dev.firebreak.stories.incident.Topic;
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
    /** Wording at least this alike is a copy whatever the topics say (chosen on the dev incident set). */
    public static final double SURE_COPY = 0.5;
    /**
     * Two posts that name no fault are copies, when their topics are known, only from this alike: a
     * short post's bigrams are mostly its product's name (澄川电饭煲R5), so 0.12 joins any two of them.
     */
    public static final double GENERIC_COPY = 0.3;
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
    private long[] faults = new long[1024];     // fault concepts, when the topic is known
    private long[] categories = new long[1024]; // product categories, when the topic is known
    // Products, as 32-bit hashes, when the topic is known. Not a 64-bit Bloom word: with two or three
    // names a post, one bit each collided often enough to call an S3 pram and an M6 scooter one product.
    private int[][] products = new int[1024][];
    private boolean[] topicKnown = new boolean[1024];
    private int entries;
    private int[] buckets = new int[(1 << BUCKET_BITS) * SLOTS];   // entry + 1, 0 = empty
    private final byte[] cursor = new byte[1 << BUCKET_BITS];
    private final List<String> storyNames = new ArrayList<>();
    private final Map<String, Integer> storyNumbers = new HashMap<>();
    private int[] stamp = new int[1024];
    private int[] count = new int[1024];
    private int[] touched = new int[256];
    private int search;

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
        return find(shingles, atMillis, sign, null);
    }

    /**
     * As {@link #find(int[], long, int)}; with {@code topic} (null when unknown), a post worded less alike
     * than {@link #SURE_COPY} is not a copy of one whose topic is known and differs: other products, or
     * no fault in common where either names one. Short posts about one product share its long name's
     * bigrams and little else; this keeps a rice cooker's coating apart from its scheduling bug. Two posts
     * that name no fault must be at least {@link #GENERIC_COPY} alike.
     */
    public synchronized Match find(int[] shingles, long atMillis, int sign, Topic topic) {
        // Candidates counted in flat arrays stamped per search (no map, no boxing: this is the story
        // stage's inner loop, a few hundred bucket slots a post).
        if (stamp.length < times.length) {
            stamp = Arrays.copyOf(stamp, times.length);
            count = Arrays.copyOf(count, times.length);
        }
        if (++search == 0) {
            Arrays.fill(stamp, 0);
            search = 1;
        }
        int touchedCount = 0;
        for (int s : shingles) {
            int base = bucket(s) * SLOTS;
            for (int k = 0; k < SLOTS; k++) {
                int e = buckets[base + k] - 1;
                if (e < 0 || Math.abs(atMillis - times[e]) > windowMillis) continue;
                if (stamp[e] != search) {
                    stamp[e] = search;
                    count[e] = 0;
                    if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touched.length * 2);
                    touched[touchedCount++] = e;
                }
                count[e]++;
            }
        }
        // J >= t needs |A ∩ B| >= t |A|; bucket sharing can only overcount, so this never drops a match.
        double need = threshold * shingles.length * 0.5;
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < touchedCount; i++) {
            int e = touched[i];
            if (count[e] >= need) candidates.add(new int[] {e, count[e]});
        }
        candidates.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));   // then the older first
        int best = -1;
        double bestSimilarity = threshold;
        int[] hashes = topic == null ? NO_PRODUCTS : productHashes(topic);
        for (int i = 0; i < Math.min(MAX_VERIFIED, candidates.size()); i++) {
            int e = candidates.get(i)[0];
            if (sign * polarity[e] < 0) continue;
            double j = Shingles.jaccard(pool, start[e], length[e], shingles);
            if (j < SURE_COPY && topic != null && topicKnown[e] && !compatible(topic, hashes, e, j)) continue;
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
        add(shingles, storyId, atMillis, sign, null);
    }

    /** {@code p}: the topic's {@link #productHashes}, made once per search. */
    private boolean compatible(Topic topic, int[] p, int e, double j) {
        boolean named = p.length > 0 && products[e].length > 0;
        boolean sameProduct = !named || shareAny(p, products[e]);
        boolean noFault = (topic.faults() | faults[e]) == 0;
        boolean sameFault = noFault ? j >= GENERIC_COPY : (topic.faults() & faults[e]) != 0;
        // A product both name decides; else categories that differ keep them apart.
        return sameProduct && sameFault && (named || !Topic.differentThings(topic.categories(), categories[e]));
    }

    private static final int[] NO_PRODUCTS = new int[0];

    private static int[] productHashes(Topic topic) {
        if (topic.products().isEmpty()) return NO_PRODUCTS;
        int[] out = new int[topic.products().size()];
        for (int i = 0; i < out.length; i++) out[i] = HashMix.mix(topic.products().get(i).hashCode());
        return out;
    }

    private static boolean shareAny(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) return true;
            }
        }
        return false;
    }

    /** As {@link #add(int[], String, long, int)}, with the post's topic (null when unknown). */
    public synchronized void add(int[] shingles, String storyId, long atMillis, int sign, Topic topic) {
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
        topicKnown[e] = topic != null;
        faults[e] = topic == null ? 0 : topic.faults();
        categories[e] = topic == null ? 0 : topic.categories();
        products[e] = topic == null ? NO_PRODUCTS : productHashes(topic);
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
        faults = Arrays.copyOf(faults, n);
        categories = Arrays.copyOf(categories, n);
        products = Arrays.copyOf(products, n);
        topicKnown = Arrays.copyOf(topicKnown, n);
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
        long[] oldFaults = faults;
        long[] oldCategories = categories;
        int[][] oldProducts = products;
        boolean[] oldKnown = topicKnown;
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
        faults = new long[oldFaults.length];
        categories = new long[oldCategories.length];
        products = new int[oldProducts.length][];
        topicKnown = new boolean[oldKnown.length];
        entries = 0;
        for (int e = keepFrom; e < n; e++) {
            add(Arrays.copyOfRange(oldPool, oldStart[e], oldStart[e] + oldLength[e]), names.get(oldStories[e]), oldTimes[e],
                    oldPolarity[e], null);
            topicKnown[entries - 1] = oldKnown[e];
            faults[entries - 1] = oldFaults[e];
            categories[entries - 1] = oldCategories[e];
            products[entries - 1] = oldProducts[e];
        }
    }
}
