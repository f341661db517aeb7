package dev.firebreak.monitor.stories;

/**
 * MinHash signatures of a post's wording: character shingles of its normalised text, each hashed,
 * and for each of {@code size} seeded hash functions the minimum over the shingles. Two signatures
 * agree in a position with probability equal to the Jaccard similarity of the shingle sets.
 *
 * <p>Normalisation keeps only what carries the complaint: letters and digits (Chinese characters
 * included), lower-cased, full-width folded; URLs, {@code @names}, {@code #话题#} tags, bracket
 * emoticons, emoji, punctuation and spaces go, because copiers add and remove exactly those. Digit
 * runs collapse to one {@code 0} (3天 and 5天 differ less than the words around them). Immutable.
 */
public final class MinHasher {
    /** Texts with fewer shingles than this say too little to be matched to anything. */
    public static final int MIN_SHINGLES = 6;
    static final int MAX_CHARS = 1_000;

    private final int size;
    private final int shingle;
    private final int[] seeds;

    public MinHasher(int size, int shingle) {
        this.size = size;
        this.shingle = shingle;
        this.seeds = new int[size];
        int s = 0x2545F491;
        for (int i = 0; i < size; i++) {
            s = mix(s + 0x9E3779B9);
            seeds[i] = s;
        }
    }

    public int size() {
        return size;
    }

    /** The signature, or null when the text has fewer than {@link #MIN_SHINGLES} shingles. */
    public int[] signature(String text) {
        char[] chars = normalise(text);
        int shingles = chars.length - shingle + 1;
        if (shingles < MIN_SHINGLES) return null;
        int[] sig = new int[size];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (int i = 0; i < shingles; i++) {
            int h = 0x811C9DC5;
            for (int k = 0; k < shingle; k++) h = (h ^ chars[i + k]) * 0x01000193;
            for (int j = 0; j < size; j++) {
                int v = mix(h ^ seeds[j]) & Integer.MAX_VALUE;
                if (v < sig[j]) sig[j] = v;
            }
        }
        return sig;
    }

    /** The share of positions where two signatures agree: an estimate of their Jaccard similarity. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) same++;
        }
        return (double) same / a.length;
    }

    static char[] normalise(String text) {
        int end = Math.min(text.length(), MAX_CHARS);
        char[] out = new char[end];
        int n = 0;
        for (int i = 0; i < end; ) {
            char c = text.charAt(i);
            if (c == '#' || c == '＃') {
                int close = indexOf(text, i + 1, end, c);   // a #话题# tag, as long as it closes soon
                i = close > 0 && close - i <= 30 ? close + 1 : i + 1;
            } else if ((c == '[' || c == '【') && indexOf(text, i + 1, Math.min(end, i + 10), c == '[' ? ']' : '】') > 0) {
                i = indexOf(text, i + 1, end, c == '[' ? ']' : '】') + 1;
            } else if (c == '@') {
                i++;
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) i++;
            } else if ((c == 'h' || c == 'H') && text.startsWith("http", i)) {
                while (i < end && text.charAt(i) > ' ' && text.charAt(i) < 127) i++;
            } else if (c >= '０' && c <= '９' || c >= '0' && c <= '9') {
                while (i < end && (text.charAt(i) >= '0' && text.charAt(i) <= '9' || text.charAt(i) >= '０' && text.charAt(i) <= '９')) i++;
                out[n++] = '0';
            } else {
                i++;
                if (c >= '\uFF21' && c <= '\uFF5A') c = (char) (c - 0xFEE0);
                if (Character.isLetter(c)) out[n++] = Character.toLowerCase(c);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int indexOf(String text, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == c) return i;
        }
        return -1;
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
