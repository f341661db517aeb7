package dev.firebreak.core;

/**
 * The one width fold of Firebreak: Chinese text mixes full-width Latin letters, digits and punctuation
 * (Ｔ７, ！) with their ASCII forms, and users type either, so matching, scoring and near-duplicate
 * detection read both as the same character. One char in, one char out, so offsets are kept.
 */
public final class TextFold {
    private TextFold() { }

    /** Full-width ASCII (U+FF01..U+FF5E) to half-width and the ideographic space U+3000 to a space; else unchanged. */
    public static char halfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    /** {@link #halfWidth}, then ASCII letters lower-cased; other characters are kept as they are. */
    public static char halfWidthAsciiLower(char c) {
        char h = halfWidth(c);
        return h >= 'A' && h <= 'Z' ? (char) (h + 32) : h;
    }
}
