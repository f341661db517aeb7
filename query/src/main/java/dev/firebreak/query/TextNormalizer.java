package dev.firebreak.query;

import dev.firebreak.core.TextFold;
/**
 * The one normalisation that query terms, mention texts and author names go through, in memory and in
 * the index alike (the index tokenizer calls this class, so the two cannot drift apart):
 * <ul>
 *   <li>full-width ASCII (U+FF01..U+FF5E) becomes half-width, and the ideographic space U+3000 a space;</li>
 *   <li>upper case becomes lower case, one UTF-16 unit at a time ({@link Character#toLowerCase(char)}), so
 *       the length never changes in the process;</li>
 *   <li>every run of whitespace ({@link Character#isWhitespace} or {@link Character#isSpaceChar}, which
 *       includes no-break spaces) becomes one ASCII space; a text (not a quoted phrase) is also trimmed.</li>
 * </ul>
 */
public final class TextNormalizer {
    private TextNormalizer() { }

    /** A mention text or author name: folded, lower-cased, whitespace collapsed, trimmed. Null reads as "". */
    public static String normalize(String s) {
        return normalize(s, true);
    }

    /** A quoted phrase: like {@link #normalize(String)} but a leading or trailing space is kept (as one space). */
    public static String normalizePhrase(String s) {
        return normalize(s, false);
    }

    /** Full-width ASCII and U+3000 to half-width; everything else unchanged. One char in, one char out. */
    public static char fold(char c) {
        return TextFold.halfWidth(c);
    }

    public static boolean isSpace(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * A character that glues Latin words together: ASCII letters and digits. A term that begins (ends)
     * with one only matches where the text does not have another one just before (after) it.
     */
    public static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private static String normalize(String s, boolean trim) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        if (alreadyNormal(s, trim)) {
            return s;
        }
        char[] out = new char[n];
        int len = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = fold(s.charAt(i));
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                if (len > 0 || !trim) {
                    out[len++] = ' ';
                }
                pendingSpace = false;
            }
            out[len++] = lower(c);
        }
        if (pendingSpace && !trim) {
            out[len++] = ' ';
        }
        return new String(out, 0, len);
    }

    /** The common case of a text that is already normal, checked without allocating. */
    private static boolean alreadyNormal(String s, boolean trim) {
        int n = s.length();
        boolean prevSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (prevSpace || (trim && (i == 0 || i == n - 1))) {
                    return false;
                }
                prevSpace = true;
                continue;
            }
            prevSpace = false;
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z' || c < 0x20 && isSpace(c)) {
                    return false;
                }
            } else if (fold(c) != c || isSpace(c) || Character.toLowerCase(c) != c) {
                return false;
            }
        }
        return true;
    }
}
