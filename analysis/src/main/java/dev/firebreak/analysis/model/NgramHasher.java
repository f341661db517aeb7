package dev.firebreak.analysis.model;

import dev.firebreak.analysis.text.HashMix;
import java.util.Arrays;

/**
 * Hashed character n-grams of normalised text, with a start and an end mark, into
 * {@code 2^bucketBits} buckets. The hash is computed from the chars directly (FNV-1a extended one char
 * at a time, then a Murmur3 finaliser with the length mixed in), so no String is made per n-gram. A
 * repeated n-gram appears once per occurrence. Immutable. Public because the trainer (in the tools
 * module) reads texts through the same features as the scorer.
 */
public final class NgramHasher {
    static final char START = '\u0002';
    static final char END = '\u0003';

    private final TextNormaliser normaliser;
    private final int bucketBits;
    private final int maxNgram;
    private final int mask;

    public NgramHasher(int bucketBits, int maxNgram, int maxChars) {
        if (bucketBits < 4 || bucketBits > 24) throw new IllegalArgumentException("bucketBits must be 4..24: " + bucketBits);
        if (maxNgram < 1 || maxNgram > 6) throw new IllegalArgumentException("maxNgram must be 1..6: " + maxNgram);
        this.normaliser = new TextNormaliser(maxChars);
        this.bucketBits = bucketBits;
        this.maxNgram = maxNgram;
        this.mask = (1 << bucketBits) - 1;
    }

    int bucketBits() {
        return bucketBits;
    }

    public int buckets() {
        return 1 << bucketBits;
    }

    int maxNgram() {
        return maxNgram;
    }

    int maxChars() {
        return normaliser.maxChars();
    }

    /**
     * The bucket of every n-gram of the text, in text order; none at all when the text has nothing to
     * read (empty, punctuation, emoji the normaliser does not know), so that the model can say so.
     */
    public int[] buckets(String text) {
        char[] chars = new char[normaliser.maxChars() + 2];
        int length = normaliser.normalise(text, chars);
        if (!TextNormaliser.hasContent(chars, length)) return new int[0];
        System.arraycopy(chars, 0, chars, 1, length);
        chars[0] = START;
        chars[length + 1] = END;
        length += 2;
        int[] out = new int[length * maxNgram];
        int count = 0;
        for (int i = 0; i < length; i++) {
            int h = 0x811C9DC5;
            for (int n = 1; n <= maxNgram && i + n <= length; n++) {
                char c = chars[i + n - 1];
                h = (h ^ c) * 0x01000193;
                if (n == 1 && (c == START || c == END || c == ' ')) continue;
                out[count++] = HashMix.mix(h ^ (n * 0x9E3779B9)) & mask;
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

}
