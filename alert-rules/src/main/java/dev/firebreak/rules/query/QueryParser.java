package dev.firebreak.rules.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PLACEHOLDER until the keyword query language lands: {@code 退款 OR 售后}, {@code A AND NOT B},
 * {@code "quoted phrase"}, parentheses; adjacent terms are ANDed; NOT binds tighter than AND, AND than OR.
 */
public final class QueryParser {
    private final String s;
    private int pos;

    private QueryParser(String s) {
        this.s = s;
    }

    public static Query parse(String text) throws QuerySyntaxException {
        QueryParser p = new QueryParser(text == null ? "" : text);
        p.skip();
        if (p.pos >= p.s.length()) {
            throw new QuerySyntaxException(1, "empty query");
        }
        Query q = p.or();
        p.skip();
        if (p.pos < p.s.length()) {
            throw new QuerySyntaxException(p.pos + 1, "unexpected \"" + p.s.charAt(p.pos) + "\"");
        }
        return q;
    }

    private Query or() throws QuerySyntaxException {
        List<Query> parts = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Query.Or(parts);
    }

    private Query and() throws QuerySyntaxException {
        List<Query> parts = new ArrayList<>(List.of(not()));
        while (true) {
            skip();
            if (keyword("AND")) {
                parts.add(not());
            } else if (pos < s.length() && s.charAt(pos) != ')' && !peekKeyword("OR")) {
                parts.add(not());
            } else {
                break;
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Query.And(parts);
    }

    private Query not() throws QuerySyntaxException {
        if (keyword("NOT")) {
            return new Query.Not(not());
        }
        return atom();
    }

    private Query atom() throws QuerySyntaxException {
        skip();
        if (pos >= s.length()) {
            throw new QuerySyntaxException(pos + 1, "expected a word, \"(\" or a quoted phrase, got the end of the query");
        }
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            Query q = or();
            skip();
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw new QuerySyntaxException(pos + 1, "expected \")\"" + (pos >= s.length() ? " before the end of the query"
                        : ", got \"" + s.charAt(pos) + "\""));
            }
            pos++;
            return q;
        }
        if (c == '"') {
            int end = s.indexOf('"', pos + 1);
            if (end < 0) {
                throw new QuerySyntaxException(pos + 1, "unclosed quote");
            }
            String phrase = s.substring(pos + 1, end);
            pos = end + 1;
            return new Query.Term(phrase.toLowerCase(Locale.ROOT));
        }
        if (c == ')') {
            throw new QuerySyntaxException(pos + 1, "unexpected \")\"");
        }
        int start = pos;
        while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "()\"".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String word = s.substring(start, pos);
        if (word.equals("AND") || word.equals("OR")) {
            throw new QuerySyntaxException(start + 1, "expected a word before " + word);
        }
        return new Query.Term(word.toLowerCase(Locale.ROOT));
    }

    private boolean keyword(String k) {
        skip();
        if (peekKeyword(k)) {
            pos += k.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String k) {
        int end = pos + k.length();
        return s.startsWith(k, pos) && (end == s.length() || Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '(');
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}
