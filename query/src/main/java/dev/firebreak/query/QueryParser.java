package dev.firebreak.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the keyword query language (see {@code package-info.java} for the grammar and meaning).
 * Full-width ASCII in the query is read as half-width first (so {@code （退款 OR 投诉）} and
 * {@code platform：weibo} work as typed with a Chinese IME); columns are unaffected by that.
 */
public final class QueryParser {
    /** The largest NEAR distance accepted: well beyond the longest post. */
    public static final int MAX_NEAR = 10_000;
    /**
     * The deepest nesting of parentheses and NOTs accepted. The parser (and every walk of the tree after
     * it) recurses once per level, so without a limit a hostile query overflows the stack; real queries
     * nest a handful of levels.
     */
    public static final int MAX_DEPTH = 64;
    static final List<String> FIELDS = List.of("platform", "kind", "author", "name", "text");
    static final List<String> PLATFORMS = List.of("weibo", "douyin", "xiaohongshu", "other");
    static final List<String> KINDS = List.of("post", "repost", "comment", "note", "video");

    private enum Kind { WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, NEAR, EOF }

    /** One token: {@code text} is the word, the phrase's content, or the operator as written. */
    private record Tok(Kind kind, int pos, String text, int distance, String field, boolean quoted, int valuePos) { }

    private final String src;
    private int pos;
    private int depth;
    private Tok peeked;

    private QueryParser(String text) {
        char[] folded = text.toCharArray();
        for (int i = 0; i < folded.length; i++) {
            folded[i] = TextNormalizer.fold(folded[i]);
        }
        this.src = new String(folded);
    }

    public static Query parse(String text) throws QuerySyntaxException {
        if (text == null || text.chars().allMatch(c -> TextNormalizer.isSpace((char) c))) {
            throw new QuerySyntaxException(1, "empty query");
        }
        QueryParser p = new QueryParser(text);
        Query q = p.parseOr();
        Tok t = p.peek();
        if (t.kind == Kind.RPAREN) {
            throw p.error(t.pos, "unmatched \")\"");
        }
        if (t.kind != Kind.EOF) {
            throw new IllegalStateException("parser stopped at " + t);
        }
        return q;
    }

    // ---- grammar: or := and (OR and)* ; and := unary ([AND] unary)* ; unary := (NOT|-) unary | near ;
    //      near := primary [NEAR/n primary] ; primary := word | "phrase" | field:value | ( or )

    private Query parseOr() throws QuerySyntaxException {
        List<Query> clauses = new ArrayList<>();
        add(clauses, parseAnd(null), Query.Or.class);
        while (peek().kind == Kind.OR) {
            Tok op = next();
            add(clauses, parseAnd(op), Query.Or.class);
        }
        return clauses.size() == 1 ? clauses.get(0) : new Query.Or(clauses);
    }

    private Query parseAnd(Tok after) throws QuerySyntaxException {
        List<Query> clauses = new ArrayList<>();
        add(clauses, parseUnary(after), Query.And.class);
        while (true) {
            Tok t = peek();
            if (t.kind == Kind.AND) {
                next();
                add(clauses, parseUnary(t), Query.And.class);
            } else if (startsUnary(t)) {
                add(clauses, parseUnary(null), Query.And.class);
            } else {
                break;
            }
        }
        return clauses.size() == 1 ? clauses.get(0) : new Query.And(clauses);
    }

    private static void add(List<Query> clauses, Query q, Class<? extends Query> flatten) {
        if (flatten.isInstance(q)) {
            clauses.addAll(q instanceof Query.And a ? a.clauses() : ((Query.Or) q).clauses());
        } else {
            clauses.add(q);
        }
    }

    private static boolean startsUnary(Tok t) {
        return switch (t.kind) {
            case WORD, PHRASE, FIELD, LPAREN, NOT -> true;
            default -> false;
        };
    }

    private Query parseUnary(Tok after) throws QuerySyntaxException {
        Tok t = peek();
        if (t.kind == Kind.NOT) {
            next();
            enter(t);
            Query inner = parseUnary(t);
            depth--;
            return new Query.Not(inner);
        }
        return parseNear(after);
    }

    private Query parseNear(Tok after) throws QuerySyntaxException {
        Query left = parsePrimary(after);
        Tok op = peek();
        if (op.kind != Kind.NEAR) {
            return left;
        }
        next();
        if (!textOperand(left)) {
            throw error(op.pos, "NEAR joins two terms or phrases");
        }
        Tok r = peek();
        if (r.kind == Kind.NOT || r.kind == Kind.LPAREN || r.kind == Kind.FIELD && !r.field.equals("text")) {
            throw error(op.pos, "NEAR joins two terms or phrases");
        }
        Query right = parsePrimary(op);
        if (peek().kind == Kind.NEAR) {
            throw error(peek().pos, "NEAR cannot be chained; join two NEARs with AND");
        }
        return new Query.Near(left, right, op.distance);
    }

    /** One level deeper at {@code t} (a "(" or a NOT), refused past {@link #MAX_DEPTH}. */
    private void enter(Tok t) throws QuerySyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error(t.pos, "nesting deeper than " + MAX_DEPTH);
        }
    }

    private static boolean textOperand(Query q) {
        return q instanceof Query.Term || q instanceof Query.Phrase;
    }

    private Query parsePrimary(Tok after) throws QuerySyntaxException {
        Tok t = peek();
        switch (t.kind) {
            case WORD:
                next();
                return textQuery(t.text, false);
            case PHRASE:
                next();
                return textQuery(t.text, true);
            case FIELD:
                next();
                return field(t);
            case LPAREN: {
                next();
                enter(t);
                Tok inside = peek();
                if (inside.kind == Kind.RPAREN) {
                    throw error(t.pos, "empty parentheses");
                }
                if (inside.kind == Kind.EOF) {
                    throw error(inside.pos, "expected \")\" to close \"(\" at column " + column(t.pos));
                }
                Query q = parseOr();
                Tok close = peek();
                if (close.kind != Kind.RPAREN) {
                    throw error(close.pos, "expected \")\" to close \"(\" at column " + column(t.pos));
                }
                next();
                depth--;
                return q;
            }
            default:
                break;
        }
        // Something that cannot start an operand: EOF, ")", AND, OR, NEAR.
        if (after != null) {
            throw error(after.pos, "nothing after " + after.text);
        }
        if (t.kind == Kind.RPAREN) {
            throw error(t.pos, "unmatched \")\"");
        }
        if (t.kind == Kind.EOF) {
            throw error(t.pos, "empty query");
        }
        throw error(t.pos, "nothing before " + t.text);
    }

    private static Query textQuery(String raw, boolean quoted) {
        if (quoted) {
            return new Query.Phrase(TextNormalizer.normalizePhrase(raw));
        }
        String text = TextNormalizer.normalize(raw);
        return bareTerm(text) ? new Query.Term(text) : new Query.Phrase(text);
    }

    private Query field(Tok t) throws QuerySyntaxException {
        String v = t.text;
        switch (t.field) {
            case "text":
                return textQuery(v, t.quoted);
            case "platform":
            case "kind": {
                String value = v.toLowerCase(Locale.ROOT);
                List<String> allowed = t.field.equals("platform") ? PLATFORMS : KINDS;
                if (!allowed.contains(value)) {
                    throw error(t.valuePos, "unknown " + t.field + " \"" + v + "\" (expected " + String.join(", ", allowed) + ")");
                }
                return new Query.Field(t.field, value);
            }
            case "author":
                return new Query.Field(Query.Field.AUTHOR, v);
            case "name": {
                String value = t.quoted ? TextNormalizer.normalizePhrase(v) : TextNormalizer.normalize(v);
                return new Query.Field(Query.Field.NAME, value);
            }
            default:
                throw new IllegalStateException(t.field);
        }
    }

    // ---- lexer: tokens are read on demand, so the first problem in reading order is the one reported

    private Tok peek() throws QuerySyntaxException {
        if (peeked == null) {
            peeked = lex();
        }
        return peeked;
    }

    private Tok next() throws QuerySyntaxException {
        Tok t = peek();
        peeked = null;
        return t;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }

    private static boolean delimiter(char c) {
        return TextNormalizer.isSpace(c) || c == '(' || c == ')' || isQuote(c);
    }

    private Tok lex() throws QuerySyntaxException {
        int n = src.length();
        while (pos < n && TextNormalizer.isSpace(src.charAt(pos))) {
            pos++;
        }
        if (pos == n) {
            return tok(Kind.EOF, pos, "");
        }
        int start = pos;
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            return tok(Kind.LPAREN, start, "(");
        }
        if (c == ')') {
            pos++;
            return tok(Kind.RPAREN, start, ")");
        }
        if (isQuote(c)) {
            return new Tok(Kind.PHRASE, start, quoted(), 0, null, true, start);
        }
        if (c == '-') {
            pos++;
            if (pos == n || TextNormalizer.isSpace(src.charAt(pos)) || src.charAt(pos) == ')') {
                throw error(start, "nothing after -");
            }
            return tok(Kind.NOT, start, "-");
        }
        while (pos < n && !delimiter(src.charAt(pos))) {
            pos++;
        }
        String word = src.substring(start, pos);
        switch (word) {
            case "AND":
                return tok(Kind.AND, start, word);
            case "OR":
                return tok(Kind.OR, start, word);
            case "NOT":
                return tok(Kind.NOT, start, word);
            default:
                break;
        }
        if (word.equals("NEAR") || word.startsWith("NEAR/")) {
            String digits = word.substring(Math.min(word.length(), 5));
            if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(d -> d >= '0' && d <= '9')) {
                throw error(start, "NEAR needs a distance, e.g. NEAR/5");
            }
            int d = Integer.parseInt(digits);
            if (d > MAX_NEAR) {
                throw error(start, "NEAR distance must be at most " + MAX_NEAR);
            }
            return new Tok(Kind.NEAR, start, "NEAR/" + d, d, null, false, start);
        }
        int colon = fieldColon(word);
        if (colon < 0) {
            return tok(Kind.WORD, start, word);
        }
        String name = word.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(name)) {
            throw error(start, "unknown field \"" + word.substring(0, colon) + "\" (expected " + String.join(", ", FIELDS) + ")");
        }
        int valuePos = start + colon + 1;
        if (valuePos < pos) {
            return new Tok(Kind.FIELD, start, word.substring(colon + 1), 0, name, false, valuePos);
        }
        if (pos < n && isQuote(src.charAt(pos))) {
            return new Tok(Kind.FIELD, start, quoted(), 0, name, true, valuePos);
        }
        if (pos < n && src.charAt(pos) == '(') {
            throw error(start, name + ": takes one value; write (" + name + ":a OR " + name + ":b)");
        }
        throw error(start, name + ": needs a value");
    }

    /** Index of the ':' ending a field name (ASCII letters only), or -1 if the word is not field:value. */
    private static int fieldColon(String word) {
        int i = 0;
        while (i < word.length() && (word.charAt(i) | 0x20) >= 'a' && (word.charAt(i) | 0x20) <= 'z') {
            i++;
        }
        return i > 0 && i < word.length() && word.charAt(i) == ':' ? i : -1;
    }

    /** Reads a quoted phrase starting at the opening quote; backslash escapes the next character. */
    private String quoted() throws QuerySyntaxException {
        int open = pos;
        int n = src.length();
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < n) {
                sb.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (isQuote(c)) {
                pos++;
                if (sb.length() == 0) {
                    throw error(open, "empty quotes");
                }
                return sb.toString();
            }
            sb.append(c);
            pos++;
        }
        throw error(open, "unterminated quote");
    }

    private static Tok tok(Kind kind, int pos, String text) {
        return new Tok(kind, pos, text, 0, null, false, pos);
    }

    private int column(int charIndex) {
        return src.codePointCount(0, charIndex) + 1;
    }

    private QuerySyntaxException error(int charIndex, String detail) {
        return new QuerySyntaxException(column(charIndex), detail);
    }

    // ---- canonical printing

    /** Whether a normalised term can be printed bare and read back as the same term. */
    static boolean bareTerm(String text) {
        if (text.isEmpty() || text.charAt(0) == '-' || fieldColon(text) >= 0) {
            return false;
        }
        switch (text) {
            case "AND", "OR", "NOT":
                return false;
            default:
                break;
        }
        if (text.startsWith("NEAR")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (delimiter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a field value can be printed bare after {@code name:}. */
    static boolean bareValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (delimiter(c) || TextNormalizer.fold(c) != c) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || isQuote(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
