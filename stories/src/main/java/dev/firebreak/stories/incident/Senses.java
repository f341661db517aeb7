package dev.firebreak.stories.incident;

import java.util.Arrays;

/**
 * The senses of a post's content words, for joining by meaning when its words for a fault are not the
 * fault lexicon's: each word's synonym set in the thesaurus (腹泻 and 拉肚子 are one sense, 漏水 and
 * 渗水 another; a word the thesaurus lacks is its own sense), weighted by how rare the word is in
 * general Chinese text (冒烟 weighs more than 使用). Ids are sorted, so two posts compare in one merge.
 */
public record Senses(long[] ids, float[] weights) {
    public static final Senses NONE = new Senses(new long[0], new float[0]);

    public boolean isEmpty() {
        return ids.length == 0;
    }

    /**
     * Weighted Dice: twice the weight both share (the lighter of the two) over the weight of both. 0
     * when either is empty.
     */
    public double similarity(Senses other) {
        double all = 0;
        double shared = 0;
        for (float w : weights) all += w;
        for (float w : other.weights) all += w;
        for (int i = 0, j = 0; i < ids.length && j < other.ids.length; ) {
            if (ids[i] < other.ids[j]) i++;
            else if (ids[i] > other.ids[j]) j++;
            else shared += Math.min(weights[i++], other.weights[j++]);
        }
        return all == 0 ? 0 : 2 * shared / all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Senses s && Arrays.equals(ids, s.ids) && Arrays.equals(weights, s.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Senses" + Arrays.toString(ids);
    }
}
