package dev.firebreak.analysis.text;

import dev.firebreak.core.TextFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A fixed set of keywords indexed by first character, for forward longest-match scans of short texts
 * without regular expressions. Keyword ids are their positions in the list given to {@link #of}.
 * Immutable, so thread-safe.
 */
public final class Keywords {
    private static final int[] NONE = new int[0];

    private final char[][] words;
    private final int[][] byFirst = new int[Character.MAX_VALUE + 1][];
    private final int longest;

    private Keywords(List<String> words) {
        this.words = new char[words.size()][];
        List<List<Integer>> buckets = new ArrayList<>(Character.MAX_VALUE + 1);
        for (int c = 0; c <= Character.MAX_VALUE; c++) buckets.add(null);
        int max = 0;
        for (int id = 0; id < words.size(); id++) {
            char[] word = words.get(id).toCharArray();
            if (word.length == 0) throw new IllegalArgumentException("empty keyword");
            this.words[id] = word;
            max = Math.max(max, word.length);
            List<Integer> bucket = buckets.get(word[0]);
            if (bucket == null) buckets.set(word[0], bucket = new ArrayList<>());
            bucket.add(id);
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            List<Integer> bucket = buckets.get(c);
            if (bucket == null) continue;
            bucket.sort(Comparator.comparingInt((Integer id) -> -this.words[id].length));
            byFirst[c] = bucket.stream().mapToInt(Integer::intValue).toArray();
        }
        this.longest = max;
    }

    /** Indexes {@code words} (already normalised with {@link #normalise}); duplicates are the caller's to refuse. */
    public static Keywords of(List<String> words) {
        return new Keywords(words);
    }

    public int longest() {
        return longest;
    }

    public int length(int id) {
        return words[id].length;
    }

    /** The id of the longest keyword starting at {@code from} and ending by {@code to}, or -1. */
    public int match(char[] text, int from, int to) {
        int[] candidates = byFirst[text[from]];
        if (candidates == null) return -1;
        for (int id : candidates) {
            char[] word = words[id];
            if (from + word.length <= to && regionEquals(text, from, word)) return id;
        }
        return -1;
    }

    /** Whether {@code c} starts any keyword. */
    public boolean starts(char c) {
        return byFirst[c] != null;
    }

    private static boolean regionEquals(char[] text, int from, char[] word) {
        for (int i = 1; i < word.length; i++) {
            if (text[from + i] != word[i]) return false;
        }
        return true;
    }

    /**
     * Folds full-width ASCII and the ideographic space to ASCII and lower-cases ASCII letters, keeping
     * every other char (emoji halves, lone surrogates) as it is; reads at most {@code max} chars.
     */
    public static char[] normalise(String text, int max) {
        int n = Math.min(text.length(), max);
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = TextFold.halfWidthAsciiLower(text.charAt(i));
        }
        return out;
    }

    /** Normalises one keyword the way texts are, for building a table. */
    public static String normalise(String word) {
        return new String(normalise(word.strip(), Integer.MAX_VALUE)).toLowerCase(Locale.ROOT);
    }
}
