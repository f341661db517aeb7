package dev.firebreak.stories;

import dev.firebreak.core.TextFold;
import java.util.Arrays;

/**
 * A post's wording as a set: its character bigrams (two chars packed in an int), after
 * normalisation, sorted and distinct. Two posts' sets are compared by Jaccard similarity. Bigrams, not longer shingles: on
 * Chinese a rewrite (洗稿) swaps single characters and words, and bigrams keep the most overlap;
 * they were best on the labelled set.
 *
 * <p>Normalisation keeps only what carries the complaint: letters and digits (Chinese characters
 * included), lower-cased, full-width folded; URLs, {@code @names}, {@code #话题#} tags, bracket
 * emoticons, emoji, punctuation and spaces go, because copiers add and remove exactly those. Digit
 * runs collapse to one {@code 0} (3天 and 5天 differ less than the words around them).
 */
public final class Shingles {
    /** Posts with fewer bigrams than this say too little to be matched to anything (避雷暖途). */
    public static final int MIN_SHINGLES = 6;
    static final int MAX_CHARS = 1_000;

    private Shingles() { }

    /** The sorted distinct bigrams, or null when there are fewer than {@link #MIN_SHINGLES}. */
    public static int[] of(String text) {
        char[] chars = normalise(text);
        int n = chars.length - 1;
        if (n < MIN_SHINGLES) return null;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = chars[i] << 16 | chars[i + 1];   // the bigram itself: no collisions
        Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || out[i] != out[i - 1]) out[distinct++] = out[i];
        }
        return distinct < MIN_SHINGLES ? null : Arrays.copyOf(out, distinct);
    }

    /** |A ∩ B| / |A ∪ B| of two sorted distinct arrays. */
    public static double jaccard(int[] a, int aFrom, int aLength, int[] b) {
        int i = aFrom;
        int end = aFrom + aLength;
        int j = 0;
        int common = 0;
        while (i < end && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (aLength + b.length - common);
    }

    static char[] normalise(String text) {
        int end = Math.min(text.length(), MAX_CHARS);
        char[] out = new char[end];
        int n = 0;
        for (int i = 0; i < end; ) {
            char c = text.charAt(i);
            if (c == '#' || c == '＃') {
                int close = indexOf(text, i + 1, Math.min(end, i + 32), c);   // a #话题# tag, if it closes soon
                i = close > 0 ? close + 1 : i + 1;
            } else if (c == '[' && indexOf(text, i + 1, Math.min(end, i + 10), ']') > 0) {
                i = indexOf(text, i + 1, end, ']') + 1;                       // a bracket emoticon [怒]
            } else if (c == '@') {
                i++;
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) i++;
            } else if ((c == 'h' || c == 'H') && text.startsWith("http", i)) {
                while (i < end && text.charAt(i) > ' ' && text.charAt(i) < 127) i++;
            } else if (digit(c)) {
                while (i < end && digit(text.charAt(i))) i++;
                out[n++] = '0';
            } else {
                i++;
                c = TextFold.halfWidth(c); // full-width letters count as letters; other folds are not letters either
                if (Character.isLetter(c)) out[n++] = Character.toLowerCase(c);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    private static int indexOf(String text, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == c) return i;
        }
        return -1;
    }

}
