package dev.firebreak.stories;

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

/**
 * Which story each mention belongs to. A repost or comment belongs to the story of the post it
 * answers (its root). An original post belongs to the story of an earlier post worded like it — the
 * same complaint copied or lightly rewritten by another account, on any platform — or, when there
 * is none, starts its own story named after itself.
 *
 * <p>When an original joins an earlier story, that link (its key to the story id) must be kept, so its
 * own reposts follow it there: {@link #assign} returns the new links, and takes the links already
 * known for the roots in the batch. Not thread-safe: the pipeline's one worker calls it.
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
    /** Originals held for matching; beyond, those out of the window (or the older half) are dropped. */
    public static final int CAPACITY = 2_000_000;

    private final NearDuplicateIndex index;

    public StoryAssigner(NearDuplicateIndex index) {
        this.index = index;
    }

    /**
     * The defaults. The threshold was chosen on the dev part of the labelled set
     * ({@code stories/src/test/resources/stories/}); its figures are in BENCHMARKS.md.
     */
    public static StoryAssigner withDefaults() {
        return new StoryAssigner(new NearDuplicateIndex(THRESHOLD, WINDOW_MILLIS, CAPACITY));
    }

    /** The root keys whose story links the caller should look up before {@link #assign}. */
    public static Set<String> roots(Collection<Mention> batch) {
        Set<String> roots = new LinkedHashSet<>();
        for (Mention m : batch) roots.add(m.rootKey());
        return roots;
    }

    /** {@code known}: story links already recorded for (some of) the batch's roots. */
    public Assignment assign(List<Mention> batch, Map<String, String> known) {
        return assign(batch, null, known);
    }

    /**
     * As {@link #assign(List, Map)}, with each mention's sentiment label (or null): an original never
     * joins a story begun by a post of the opposite polarity.
     */
    public Assignment assign(List<Mention> batch, List<Sentiment> labels, Map<String, String> known) {
        Map<String, String> links = new LinkedHashMap<>(known);
        Map<String, String> made = new LinkedHashMap<>();
        Set<String> started = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Mention m = batch.get(i);
            int sign = labels == null ? 0 : sign(labels.get(i));
            String root = m.rootKey();
            String story = links.get(root);
            if (story == null && isOriginal(m)) {
                story = matchOrStart(m, sign);
                if (!story.equals(root)) {
                    links.put(root, story);
                    made.put(root, story);
                } else {
                    started.add(story);
                }
            }
            ids.add(story == null ? root : story);
        }
        return new Assignment(ids, made, started);
    }

    private static int sign(Sentiment label) {
        return label == Sentiment.POSITIVE ? 1 : label == Sentiment.NEGATIVE ? -1 : 0;
    }

    private String matchOrStart(Mention m, int sign) {
        int[] sig = Shingles.of(m.text());
        if (sig == null) return m.key();
        long at = m.createdAt().toInstant().toEpochMilli();
        NearDuplicateIndex.Match match = index.find(sig, at, sign);
        String story = match == null ? m.key() : match.storyId();
        index.add(sig, story, at, sign);
        return story;
    }

    /** Indexes an original already assigned to {@code storyId} (after a restart, from the mention index). */
    public void remember(Mention m, String storyId, Sentiment label) {
        int[] shingles = isOriginal(m) ? Shingles.of(m.text()) : null;
        if (shingles != null && storyId != null) {
            index.add(shingles, storyId, m.createdAt().toInstant().toEpochMilli(), sign(label));
        }
    }

    static boolean isOriginal(Mention m) {
        return m.parentId() == null && m.rootId() == null && m.kind() != Kind.REPOST && m.kind() != Kind.COMMENT;
    }

    public int indexed() {
        return index.size();
    }
}
