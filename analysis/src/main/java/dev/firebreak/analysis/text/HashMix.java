package dev.firebreak.analysis.text;

/** Murmur3's 32-bit finaliser: spreads a hash's bits, for hashed features and hash-table buckets. */
public final class HashMix {
    private HashMix() { }

    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
