package dev.firebreak.stories.incident;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the incident an original is about: among recent posts (event time, within the window) that
 * name one of its products (or, naming none, one of its brands; or, for the brand's own statement
 * naming neither, that speak of one of its faults), the one whose fault concepts are most alike. Alike is a weighted Jaccard
 * over concepts, each concept weighted by how rare it is among that product's recent posts (an IDF:
 * when every T7 post of the week says 冒烟, sharing 冒烟 says less than sharing a rare 涂层), plus the
 * complaint types at half weight when both posts have some (for the brand's own statement, only the
 * earlier post's concepts count against it: it answers the faults it names). Posts that share no fault concept never
 * match, so generic complaints (客服, 退款, 发货) and a second fault of the same product stay apart.
 *
 * <p>Memory is bounded: the newest {@link #PER_PRODUCT} posts per product, and the most recently
 * named {@link #PRODUCTS} products. Not thread-safe: the pipeline's one worker calls it.
 */
public final class TopicIndex {
    /** A match: the story and its similarity. */
    public record Match(String storyId, double similarity) { }

    static final int PER_PRODUCT = 512;
    static final int PRODUCTS = 100_000;
    static final double COMPLAINT_WEIGHT = 0.5;

    private record Entry(long at, String storyId, long faults, long complaints, long categories, LazySenses senses) { }

    private final double threshold;
    private final double senseThreshold;
    private final long windowMillis;
    private final Map<String, ArrayDeque<Entry>> byProduct = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Entry>> eldest) {
            return size() > PRODUCTS;
        }
    };

    /**
     * {@code threshold}: of the fault concepts' similarity; {@code senseThreshold}: of the senses' (for a
     * post that shares no fault concept with any, {@link Senses#similarity}).
     */
    public TopicIndex(double threshold, double senseThreshold, long windowMillis) {
        this.threshold = threshold;
        this.senseThreshold = senseThreshold;
        this.windowMillis = windowMillis;
    }

    /**
     * The most alike earlier post's story within the window: by fault concepts if one is at least the
     * threshold, else by senses among the posts found by a product or brand both name; else null.
     */
    public Match find(Topic topic, long atMillis) {
        Match byFault = topic.usable() ? byFault(topic, atMillis) : null;
        return byFault != null || !topic.usableBySense() ? byFault : bySense(topic, atMillis);
    }

    /**
     * What a post says, when its words for the fault are not the lexicon's (拉肚子 for 腹泻, 底下湿了一片
     * for 滴水): the earlier post of one of its products or brands (never found by a category or a fault
     * alone) whose senses are most alike, if at least the sense threshold.
     */
    private Match bySense(Topic topic, long atMillis) {
        Senses senses = topic.senses().get();
        Match best = null;
        for (String key : topic.lookupKeys(byProduct::containsKey)) {
            if (!namesIt(key)) continue;
            ArrayDeque<Entry> posts = byProduct.get(key);
            if (posts == null) continue;
            for (Entry e : posts) {
                if (Math.abs(atMillis - e.at) > windowMillis) continue;
                if (Topic.differentThings(topic.categories(), e.categories)) continue;
                double s = senses.similarity(e.senses.get());
                if (s >= senseThreshold && (best == null || s > best.similarity())) best = new Match(e.storyId, s);
            }
        }
        return best;
    }

    /** Whether a key names the product or brand (a product, brand or stem key), not only a category or fault. */
    private static boolean namesIt(String key) {
        return !key.startsWith("category:") && !key.startsWith("fault:");
    }

    private Match byFault(Topic topic, long atMillis) {
        Match best = null;
        for (String key : topic.lookupKeys(byProduct::containsKey)) {
            ArrayDeque<Entry> posts = byProduct.get(key);
            if (posts == null) continue;
            int[] df = new int[Long.SIZE];
            int n = 0;
            for (Entry e : posts) {
                if (Math.abs(atMillis - e.at) > windowMillis) continue;
                n++;
                for (long bits = e.faults; bits != 0; bits &= bits - 1) df[Long.numberOfTrailingZeros(bits)]++;
            }
            for (Entry e : posts) {
                if ((e.faults & topic.faults()) == 0 || Math.abs(atMillis - e.at) > windowMillis) continue;
                // Found by a product both name, the product decides (B5's 充电器 is the 手环's own charger).
                if (topic.products().isEmpty() && Topic.differentThings(topic.categories(), e.categories)) continue;
                double s = similarity(topic, e, df, n);
                if (s >= threshold && (best == null || s > best.similarity())) best = new Match(e.storyId, s);
            }
        }
        return best;
    }

    /**
     * For a report that names a product but no fault the lexicon knows (a newspaper, a KOL, a notice or
     * the brand, writing in its own words): the product's one incident of the window, if there is one —
     * a story holding at least two of the product's recent posts and more than twice as many as any
     * other. With two live incidents of the product it is not guessed. Null otherwise.
     */
    public Match soleIncidentOf(Topic topic, long atMillis) {
        if (!topic.joinable() || topic.products().isEmpty()) return null;
        Map<String, Integer> count = new java.util.HashMap<>();
        for (String key : topic.products()) {
            ArrayDeque<Entry> posts = byProduct.get(key);
            if (posts == null) continue;
            for (Entry e : posts) {
                if (Math.abs(atMillis - e.at) <= windowMillis) count.merge(e.storyId, 1, Integer::sum);
            }
        }
        String top = null;
        int first = 0;
        int second = 0;
        for (var c : count.entrySet()) {
            if (c.getValue() > first) {
                second = first;
                first = c.getValue();
                top = c.getKey();
            } else if (c.getValue() > second) {
                second = c.getValue();
            }
        }
        return first >= 2 && first > 2 * second ? new Match(top, 0) : null;
    }

    private static double similarity(Topic topic, Entry e, int[] df, int n) {
        double shared = 0;
        double all = 0;
        // The brand's statement often lists several faults (异味、冒烟): it answers an incident whose fault
        // it names, so only the earlier post's faults count against it.
        long union = topic.byBrand() ? e.faults : topic.faults() | e.faults;
        for (long bits = union; bits != 0; bits &= bits - 1) {
            int c = Long.numberOfTrailingZeros(bits);
            double w = 1 + Math.log((n + 1.0) / (df[c] + 1.0));
            all += w;
            if ((topic.faults() & e.faults & (1L << c)) != 0) shared += w;
        }
        if (topic.complaints() != 0 && e.complaints != 0) {
            all += COMPLAINT_WEIGHT * Long.bitCount(topic.complaints() | e.complaints);
            shared += COMPLAINT_WEIGHT * Long.bitCount(topic.complaints() & e.complaints);
        }
        // Dice rather than Jaccard: a report adds its own words for side faults (a KOL's 虚标, a notice's
        // 鼓包或过热) to the fault it shares, and should not be pushed out for being more thorough.
        return 2 * shared / (all + shared);
    }

    /**
     * Indexes a post of {@code storyId}: under all its keys when its topic is usable, under its products
     * and brands only when it may join by sense alone (its senses are read if it is ever compared); else
     * not at all.
     */
    public void add(Topic topic, String storyId, long atMillis) {
        boolean byFault = topic.usable();
        if (!byFault && !topic.namesWhatItIsAbout()) return;
        Entry entry = new Entry(atMillis, storyId, topic.faults(), topic.complaints(), topic.categories(), topic.senses());
        for (String key : topic.indexKeys()) {
            if (!byFault && !namesIt(key)) continue;
            ArrayDeque<Entry> posts = byProduct.computeIfAbsent(key, p -> new ArrayDeque<>());
            posts.addLast(entry);
            while (posts.size() > PER_PRODUCT || posts.peekFirst().at < atMillis - windowMillis) posts.removeFirst();
        }
    }

    public int products() {
        return byProduct.size();
    }
}
