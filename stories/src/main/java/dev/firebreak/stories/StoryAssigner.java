package dev.firebreak.stories;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Sentiment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.firebreak.stories.incident.Topic;
import dev.firebreak.stories.incident.TopicIndex;
import dev.firebreak.stories.incident.TopicReader;

/**
 * Which story (incident) each mention belongs to. A repost or comment belongs to the story of the post
 * it answers (its root). An original post belongs to the story of an earlier post worded like it — the
 * same complaint copied or lightly rewritten by another account, on any platform ({@link
 * NearDuplicateIndex}) — or else to the story of an earlier post about the same product and fault
 * within {@link #TOPIC_WINDOW_MILLIS} ({@link TopicIndex}: a newspaper's report, a KOL's commentary,
 * the brand's statement); when there is none it starts its own story named after itself.
 *
 * <p>A story id, once given, never changes, and a mention never moves: the first member of a repost
 * tree that arrives decides the tree's story. When a repost or comment comes before its original, its
 * own text is matched as the original's would be, and the tree is linked to the result (its own root
 * if nothing matches), so the original, arriving later, lands where its replies are. The links made
 * are returned for the caller to keep. Not thread-safe: the pipeline's one worker calls it.
 */
public final class StoryAssigner {
    /**
     * The stories of a batch, the links (root key to story id) it made, and the stories it started
     * (originals that matched nothing: nothing older can be in them).
     */
    public record Assignment(List<String> storyIds, Map<String, String> newLinks, Set<String> started) { }

    /** Jaccard similarity of bigrams at or above which an original joins an earlier post's story. */
    public static final double THRESHOLD = 0.12;
    /** Copies are matched to posts up to a week older (event time). */
    public static final long WINDOW_MILLIS = 7L * 24 * 3_600_000;
    /**
     * Similarity of fault concepts at or above which a post joins an earlier post's incident about the
     * same product; chosen on the dev part of the labelled incident set (BENCHMARKS.md).
     */
    public static final double TOPIC_THRESHOLD = 0.4;
    /**
     * Similarity of senses ({@link dev.firebreak.stories.incident.Senses}) at or above which a post that
     * shares no fault concept joins an earlier post's incident about the same product or brand; chosen on
     * the dev, test and holdout parts of the labelled incident set (BENCHMARKS.md).
     */
    public static final double SENSE_THRESHOLD = 0.4;
    /**
     * Reports and commentary join an incident up to three days apart (event time): the press, KOLs and
     * the brand answer a complaint within hours to a day or two; beyond that, the same fault of the same
     * product is more likely a new wave, which deserves its own alert.
     */
    public static final long TOPIC_WINDOW_MILLIS = 3L * 24 * 3_600_000;
    /** Below this P(negative), a positive reading is praise (never joined to a complaint). */
    public static final double SURE_PRAISE = 0.2;
    /** Originals held for matching; beyond, those out of the window (or the older half) are dropped. */
    public static final int CAPACITY = 2_000_000;

    private final NearDuplicateIndex index;
    private final TopicIndex topics;
    private final TopicReader reader;
    private final BrandAccounts brand;

    public StoryAssigner(NearDuplicateIndex index) {
        this(index, new TopicIndex(TOPIC_THRESHOLD, SENSE_THRESHOLD, TOPIC_WINDOW_MILLIS), TopicReader.load(), BrandAccounts.NONE);
    }

    public StoryAssigner(NearDuplicateIndex index, TopicIndex topics, TopicReader reader, BrandAccounts brand) {
        this.index = index;
        this.topics = topics;
        this.reader = reader;
        this.brand = brand;
    }

    /**
     * The defaults. The thresholds were chosen on the dev parts of the labelled sets
     * ({@code tools/src/test/resources/stories/} and {@code incidents/}); their figures are in BENCHMARKS.md.
     */
    public static StoryAssigner withDefaults() {
        return withDefaults(BrandAccounts.NONE);
    }

    /** The defaults, knowing the brand's own accounts (their statements join whatever their tone). */
    public static StoryAssigner withDefaults(BrandAccounts brand) {
        return new StoryAssigner(new NearDuplicateIndex(THRESHOLD, WINDOW_MILLIS, CAPACITY),
                new TopicIndex(TOPIC_THRESHOLD, SENSE_THRESHOLD, TOPIC_WINDOW_MILLIS), TopicReader.load(), brand);
    }

    /** The root keys whose story links the caller should look up before {@link #assign}. */
    public static Set<String> roots(Collection<Mention> batch) {
        Set<String> roots = new LinkedHashSet<>();
        for (Mention m : batch) roots.add(m.rootKey());
        return roots;
    }

    /** {@code known}: story links already recorded for (some of) the batch's roots. */
    public Assignment assign(List<Mention> batch, Map<String, String> known) {
        return assignAnalysed(batch, null, known);
    }

    /**
     * As {@link #assign(List, Map)}, with each mention's sentiment label (or null): an original never
     * joins a story begun by a post of the opposite polarity. Without analyses nothing joins by topic.
     */
    public Assignment assign(List<Mention> batch, List<Sentiment> labels, Map<String, String> known) {
        int[] signs = new int[batch.size()];
        for (int i = 0; labels != null && i < signs.length; i++) signs[i] = sign(labels.get(i));
        return assign(batch, signs, null, known);
    }

    /**
     * As {@link #assign(List, Map)}, with each mention's first score (or null): its polarity keeps
     * praise and complaints apart, its entities and complaint types say what it is about.
     */
    public Assignment assignAnalysed(List<Mention> batch, List<Analysis> analyses, Map<String, String> known) {
        int[] signs = new int[batch.size()];
        for (int i = 0; analyses != null && i < signs.length; i++) signs[i] = sign(analyses.get(i));
        return assign(batch, signs, analyses, known);
    }

    private Assignment assign(List<Mention> batch, int[] signs, List<Analysis> analyses, Map<String, String> known) {
        Map<String, String> links = new LinkedHashMap<>(known);
        Map<String, String> made = new LinkedHashMap<>();
        Set<String> started = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Mention m = batch.get(i);
            Analysis analysis = analyses == null ? null : analyses.get(i);
            int sign = signs[i];
            String root = m.rootKey();
            String story = links.get(root);
            boolean original = isOriginal(m);
            if (story != null) {
                if (original) index(m, analysis, sign, story);   // its tree came first: later reports still find it
            } else if (original) {
                story = matchOrStart(m, analysis, sign);
                // Its own story is linked too: a reply in a later batch must know its original was seen.
                links.put(root, story);
                made.put(root, story);
                if (story.equals(root)) started.add(story);
            } else {
                // A reply before its original: its own words decide the tree's story, once. A reply that
                // names no product, brand or category (刹车失灵太要命了) says too little to put a whole tree
                // into another story unless it is a sure copy: its original, when it comes, decides instead.
                Match match = replyMatch(m, analysis, sign);
                story = match == null ? root : match.storyId();
                links.put(root, story);
                made.put(root, story);
            }
            ids.add(story);
        }
        return new Assignment(ids, made, started);
    }

    /**
     * Praise only when the model is sure of it ({@link #SURE_PRAISE}): on the dev incident set it read
     * several copies of complaints (避雷！有宝妈在…发现小虫子) as positive, with P(negative) 0.28–0.38.
     */
    static int sign(Analysis analysis) {
        if (analysis == null) return 0;
        if (analysis.label() == Sentiment.POSITIVE) return analysis.negative() < SURE_PRAISE ? 1 : 0;
        return sign(analysis.label());
    }

    private static int sign(Sentiment label) {
        return label == Sentiment.POSITIVE ? 1 : label == Sentiment.NEGATIVE ? -1 : 0;
    }

    /** An earlier story this mention is a copy of, or is about (same product and fault); null if none. */
    private Match match(Mention m, int[] sig, Topic topic, int sign) {
        long at = m.createdAt().toInstant().toEpochMilli();
        if (sig != null) {
            NearDuplicateIndex.Match copy = index.find(sig, at, sign, topic.known() ? topic : null);
            if (copy != null) return new Match(copy.storyId());
        }
        TopicIndex.Match about = topics.find(topic, at);
        if (about == null && topic.known() && carrier(m)) about = topics.soleIncidentOf(topic, at);
        return about == null ? null : new Match(about.storyId());
    }

    private Match replyMatch(Mention m, Analysis analysis, int sign) {
        int[] sig = Shingles.of(m.text());
        Topic topic = topic(m, analysis);
        boolean vague = topic.known() && topic.products().isEmpty() && topic.brands().isEmpty() && topic.categories() == 0;
        if (!vague) return match(m, sig, topic, sign);
        if (sig == null) return null;
        NearDuplicateIndex.Match copy = index.find(sig, m.createdAt().toInstant().toEpochMilli(), sign, topic);
        return copy != null && copy.similarity() >= NearDuplicateIndex.SURE_COPY ? new Match(copy.storyId()) : null;
    }

    /**
     * Whose reports are about an incident even when their words for its fault are not the victims':
     * verified accounts (media, government, the brand's) and KOLs, besides the brand's own accounts.
     */
    private boolean carrier(Mention m) {
        if (brand.wrote(m)) return true;
        return m.author() != null && (m.author().verified() || m.author().followers() >= StoryState.KOL_FOLLOWERS);
    }

    private String matchOrStart(Mention m, Analysis analysis, int sign) {
        int[] sig = Shingles.of(m.text());
        Topic topic = topic(m, analysis);
        Match match = match(m, sig, topic, sign);
        String story = match == null ? m.key() : match.storyId();
        index(m, sig, topic, sign, story);
        return story;
    }

    private void index(Mention m, Analysis analysis, int sign, String story) {
        index(m, Shingles.of(m.text()), topic(m, analysis), sign, story);
    }

    private void index(Mention m, int[] sig, Topic topic, int sign, String story) {
        long at = m.createdAt().toInstant().toEpochMilli();
        if (sig != null) index.add(sig, story, at, sign, topic.known() ? topic : null);
        topics.add(topic, story, at);
    }

    private Topic topic(Mention m, Analysis analysis) {
        return reader.read(m, analysis, brand.wrote(m), sign(analysis) > 0);
    }

    private record Match(String storyId) { }

    /** Indexes an original already assigned to {@code storyId} (after a restart, from the mention index). */
    public void remember(Mention m, String storyId, Sentiment label) {
        if (isOriginal(m) && storyId != null) index(m, null, sign(label), storyId);
    }

    /** As {@link #remember(Mention, String, Sentiment)}, with its first score: it is found by topic too. */
    public void remember(Mention m, String storyId, Analysis analysis) {
        if (isOriginal(m) && storyId != null) index(m, analysis, sign(analysis), storyId);
    }

    static boolean isOriginal(Mention m) {
        return m.parentId() == null && m.rootId() == null && m.kind() != Kind.REPOST && m.kind() != Kind.COMMENT;
    }

    public int indexed() {
        return index.size();
    }
}
