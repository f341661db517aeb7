package dev.firebreak.query;

/**
 * Evaluates a {@link Query} against one {@link Target}, in memory: no regex, no allocation except for
 * NEAR. The index builds Lucene queries with exactly these semantics ({@code LuceneQueries}):
 * <ul>
 *   <li>A term or phrase matches where it occurs as a substring of the normalised text (Chinese has no
 *       spaces, so 退款 matches inside 申请退款被拒).</li>
 *   <li>Latin glue rule: if the term begins with an ASCII letter or digit, the text must not have an
 *       ASCII letter or digit just before the occurrence; if it ends with one, not just after it. So
 *       {@code T7} does not match in {@code T70}, {@code AT7} or {@code T7Pro}, but matches in
 *       {@code 买了T7，}, {@code 小米T7 Pro} and {@code 小米T7真烂}. Other letters (Chinese, accented
 *       Latin) never glue.</li>
 *   <li>{@code A NEAR/n B}: an occurrence of A and one of B (each obeying the glue rule) with at most
 *       n characters (code points, spaces included) between them, in either order:
 *       {@code max(endA, endB) - min(startA, startB) - lenA - lenB <= n}; overlapping occurrences give a
 *       negative gap and so always count.</li>
 *   <li>{@code platform:}, {@code kind:} equal the wire name; {@code author:} equals the author id;
 *       {@code name:} is a substring of the normalised author name, glue rule included.</li>
 * </ul>
 */
public final class QueryMatcher {
    private QueryMatcher() { }

    public static boolean matches(Query q, Target t) {
        if (q instanceof Query.Term x) {
            return find(t.text(), x.text(), 0) >= 0;
        }
        if (q instanceof Query.And x) {
            for (Query c : x.clauses()) {
                if (!matches(c, t)) {
                    return false;
                }
            }
            return true;
        }
        if (q instanceof Query.Or x) {
            for (Query c : x.clauses()) {
                if (matches(c, t)) {
                    return true;
                }
            }
            return false;
        }
        if (q instanceof Query.Phrase x) {
            return find(t.text(), x.text(), 0) >= 0;
        }
        if (q instanceof Query.Not x) {
            return !matches(x.clause(), t);
        }
        if (q instanceof Query.Field x) {
            switch (x.name()) {
                case Query.Field.PLATFORM:
                    return x.value().equals(t.platform());
                case Query.Field.KIND:
                    return x.value().equals(t.kind());
                case Query.Field.AUTHOR:
                    return x.value().equals(t.authorId());
                case Query.Field.NAME:
                    return find(t.authorName(), x.value(), 0) >= 0;
                default:
                    throw new IllegalStateException(x.name());
            }
        }
        if (q instanceof Query.Near x) {
            return near(t.text(), Query.Near.text(x.left()), Query.Near.text(x.right()), x.distance());
        }
        throw new IllegalStateException("unknown query node " + q.getClass());
    }

    /** The char index of the first occurrence of {@code term} at or after {@code from} that obeys the glue rule, or -1. */
    static int find(String text, String term, int from) {
        int len = term.length();
        boolean glueStart = TextNormalizer.isWordChar(term.charAt(0));
        boolean glueEnd = TextNormalizer.isWordChar(term.charAt(len - 1));
        int i = text.indexOf(term, from);
        while (i >= 0) {
            int end = i + len;
            if ((!glueStart || i == 0 || !TextNormalizer.isWordChar(text.charAt(i - 1)))
                    && (!glueEnd || end == text.length() || !TextNormalizer.isWordChar(text.charAt(end)))) {
                return i;
            }
            i = text.indexOf(term, i + 1);
        }
        return -1;
    }

    private static boolean near(String text, String a, String b, int n) {
        int[] as = starts(text, a);
        if (as.length == 0) {
            return false;
        }
        int[] bs = starts(text, b);
        int la = a.codePointCount(0, a.length());
        int lb = b.codePointCount(0, b.length());
        for (int sa : as) {
            for (int sb : bs) {
                if (sb > sa + la + n) {
                    break; // every later b starts further away still
                }
                int gap = Math.max(sa + la, sb + lb) - Math.min(sa, sb) - la - lb;
                if (gap <= n) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Code-point start positions of every glue-respecting occurrence, ascending. */
    private static int[] starts(String text, String term) {
        int[] out = new int[4];
        int count = 0;
        int cp = 0;
        int last = 0;
        int i = find(text, term, 0);
        while (i >= 0) {
            cp += text.codePointCount(last, i);
            last = i;
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = cp;
            i = find(text, term, i + 1);
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
