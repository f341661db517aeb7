package dev.firebreak.analysis.model;

import dev.firebreak.core.TextFold;
import dev.firebreak.analysis.text.HashMix;

/**
 * Turns raw post text into the characters the n-gram features are read from: only the first
 * {@code maxChars} characters are looked at; ASCII and full-width letters are folded to lower-case
 * half-width; URLs and {@code @names} become a space (they are not the author's words); a Weibo bracket
 * emoticon such as {@code [怒]} or {@code [哈哈]} becomes one private-use character, so it is a single
 * token, and so does a Unicode emoji that means the same ({@link EmojiAsEmoticon}: 😡 reads as [怒]); a run of digits becomes one {@code 0}; a character repeated more than three times is kept three
 * times; whitespace runs become one space. Never throws, whatever the chars (lone surrogates included).
 */
final class TextNormaliser {
    static final int MAX_EMOTICON = 8;
    static final int MAX_NAME = 20;
    private static final int MAX_REPEAT = 3;
    private static final char EMOTICON_BASE = '\uE000';
    private static final int EMOTICON_RANGE = 0x1800;   // U+E000..U+F7FF
    private static final char REPLACED_PRIVATE = '\uFFFD';

    private final int maxChars;

    TextNormaliser(int maxChars) {
        if (maxChars < 1) throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        this.maxChars = maxChars;
    }

    int maxChars() {
        return maxChars;
    }

    /** The normalised text as a String (for tests and for reading; scoring uses {@link #normalise(String, char[])}). */
    String normalise(String text) {
        char[] out = new char[maxChars];
        return new String(out, 0, normalise(text, out));
    }

    /** Writes the normalised text into {@code out} (at least {@code maxChars} long) and returns its length. */
    int normalise(String text, char[] out) {
        if (text == null) return 0;
        int end = Math.min(text.length(), maxChars);
        int n = 0;
        int repeat = 0;
        for (int i = 0; i < end; ) {
            char c = fold(text.charAt(i));
            char emit;
            if (startsUrl(text, i, end)) {
                i = skipUrl(text, i, end);
                emit = ' ';
            } else if (c == '@') {
                i = skipName(text, i + 1, end);
                emit = ' ';
            } else if (c == '[' && emoticonEnd(text, i, end) > 0) {
                int close = emoticonEnd(text, i, end);
                emit = emoticon(text, i + 1, close);
                i = close + 1;
            } else if (c >= '0' && c <= '9') {
                while (i < end && isDigit(fold(text.charAt(i)))) i++;
                emit = '0';
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                emit = ' ';
            } else if ((Character.isHighSurrogate(c) || c >= '\u2600' && c < '\u2800')
                    && EmojiAsEmoticon.name(text.codePointAt(i)) != null) {
                String name = EmojiAsEmoticon.name(text.codePointAt(i));
                i += Character.charCount(text.codePointAt(i));
                emit = emoticon(name, 0, name.length());
            } else {
                i++;
                emit = c >= EMOTICON_BASE && c < EMOTICON_BASE + EMOTICON_RANGE ? REPLACED_PRIVATE : c;
            }
            if (emit == ' ' && (n == 0 || out[n - 1] == ' ')) continue;
            repeat = n > 0 && out[n - 1] == emit ? repeat + 1 : 1;
            if (repeat <= MAX_REPEAT) out[n++] = emit;
        }
        while (n > 0 && out[n - 1] == ' ') n--;
        return n;
    }

    /** Full-width ASCII to half-width, ideographic space to space, then lower-case. */
    static char fold(char c) {
        c = TextFold.halfWidth(c);
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return Character.toLowerCase(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean startsUrl(String text, int i, int end) {
        char c = fold(text.charAt(i));
        if (c != 'h' && c != 'w') return false;
        return startsWith(text, i, end, "https://") || startsWith(text, i, end, "http://")
                || startsWith(text, i, end, "www.");
    }

    private static boolean startsWith(String text, int i, int end, String prefix) {
        if (end - i < prefix.length()) return false;
        for (int k = 0; k < prefix.length(); k++) {
            if (fold(text.charAt(i + k)) != prefix.charAt(k)) return false;
        }
        return true;
    }

    /** A URL runs over printable ASCII; a Chinese character or a space ends it. */
    private static int skipUrl(String text, int i, int end) {
        while (i < end) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 127) break;
            i++;
        }
        return i;
    }

    /** A Weibo name is letters, digits, {@code _} and {@code -}; punctuation or a space ends it. */
    private static int skipName(String text, int i, int end) {
        int limit = Math.min(end, i + MAX_NAME);
        while (i < limit) {
            char c = fold(text.charAt(i));
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) break;
            i++;
        }
        return i;
    }

    /** The index of the {@code ]} closing a bracket emoticon at {@code open}, or -1 if there is none. */
    private static int emoticonEnd(String text, int open, int end) {
        int limit = Math.min(end, open + MAX_EMOTICON + 2);
        for (int k = open + 1; k < limit; k++) {
            char c = fold(text.charAt(k));
            if (c == ']') return k > open + 1 ? k : -1;
            if (c == '[' || Character.isWhitespace(c) || Character.isSpaceChar(c)) return -1;
        }
        return -1;
    }

    /** Whether the normalised text has anything to read: a letter, a digit or an emoticon. */
    static boolean hasContent(char[] normalised, int length) {
        for (int k = 0; k < length; k++) {
            char c = normalised[k];
            if (Character.isLetterOrDigit(c) || c >= EMOTICON_BASE && c < EMOTICON_BASE + EMOTICON_RANGE) return true;
        }
        return false;
    }

    /** One private-use character standing for the emoticon's (folded) name. */
    private static char emoticon(String text, int from, int to) {
        int h = 0x811C9DC5;
        for (int k = from; k < to; k++) {
            h = (h ^ fold(text.charAt(k))) * 0x01000193;
        }
        return (char) (EMOTICON_BASE + Math.floorMod(HashMix.mix(h), EMOTICON_RANGE));
    }
}
