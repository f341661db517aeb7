package dev.firebreak.query;

import java.util.List;
import java.util.Set;

/**
 * A parsed keyword query: the syntax tree that {@link QueryMatcher} evaluates against one mention and
 * the index turns into a Lucene query. Build one with {@link QueryParser#parse}; the records validate
 * only what the evaluators rely on.
 *
 * <p>{@code toString()} is the canonical text: explicit {@code AND}, only the parentheses precedence
 * needs, {@code text:} dropped, terms lower-cased and folded. {@code QueryParser.parse(q.toString())}
 * gives back an equal query for every parsed {@code q}, and two queries that differ only in spelling
 * ({@code 退款 客服} and {@code 退款 AND 客服}) print the same, so the text can be hashed for rule versions.
 */
public sealed interface Query {

    /**
     * A bare word: matches where its (normalised) text occurs in the mention's normalised text, subject
     * to the Latin glue rule (see {@link QueryMatcher}). Never empty, never contains a space, and always
     * prints bare (the parser makes a {@link Phrase} of anything that could not).
     */
    record Term(String text) implements Query {
        public Term {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a term must not be empty");
            }
        }

        @Override
        public String toString() {
            return QueryParser.bareTerm(text) ? text : QueryParser.quote(text);
        }
    }

    /** A quoted phrase: the same substring match as a {@link Term}; the text may contain single spaces. */
    record Phrase(String text) implements Query {
        public Phrase {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a phrase must not be empty");
            }
        }

        @Override
        public String toString() {
            return QueryParser.quote(text);
        }
    }

    /** Every clause matches. At least two clauses when parsed; nested ANDs are flattened. */
    record And(List<Query> clauses) implements Query {
        public And {
            clauses = List.copyOf(clauses);
            if (clauses.isEmpty()) {
                throw new IllegalArgumentException("AND needs at least one clause");
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Query c : clauses) {
                if (sb.length() > 0) {
                    sb.append(" AND ");
                }
                sb.append(c instanceof Or ? "(" + c + ")" : c.toString());
            }
            return sb.toString();
        }
    }

    /** At least one clause matches. At least two clauses when parsed; nested ORs are flattened. */
    record Or(List<Query> clauses) implements Query {
        public Or {
            clauses = List.copyOf(clauses);
            if (clauses.isEmpty()) {
                throw new IllegalArgumentException("OR needs at least one clause");
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Query c : clauses) {
                if (sb.length() > 0) {
                    sb.append(" OR ");
                }
                sb.append(c instanceof Or ? "(" + c + ")" : c.toString());
            }
            return sb.toString();
        }
    }

    /** The clause does not match. */
    record Not(Query clause) implements Query {
        public Not {
            if (clause == null) {
                throw new IllegalArgumentException("NOT needs a clause");
            }
        }

        @Override
        public String toString() {
            return "NOT " + (clause instanceof And || clause instanceof Or ? "(" + clause + ")" : clause.toString());
        }
    }

    /**
     * Both terms occur with at most {@code distance} characters between them, in either order. Characters
     * are Unicode code points of the normalised text (spaces count); occurrences that overlap, or are the
     * same occurrence, count as distance 0. Left and right are {@link Term}s or {@link Phrase}s.
     */
    record Near(Query left, Query right, int distance) implements Query {
        public Near {
            if (!(left instanceof Term || left instanceof Phrase) || !(right instanceof Term || right instanceof Phrase)) {
                throw new IllegalArgumentException("NEAR joins two terms or phrases");
            }
            if (distance < 0 || distance > QueryParser.MAX_NEAR) {
                throw new IllegalArgumentException("NEAR distance must be in [0, " + QueryParser.MAX_NEAR + "], got " + distance);
            }
        }

        /** The normalised text of a NEAR operand. */
        public static String text(Query operand) {
            return operand instanceof Term t ? t.text() : ((Phrase) operand).text();
        }

        @Override
        public String toString() {
            return left + " NEAR/" + distance + " " + right;
        }
    }

    /**
     * A filter on something other than the text. {@code platform} and {@code kind}: the wire name,
     * lower case, equal. {@code author}: the author's platform id, equal, case as written. {@code name}:
     * the normalised author name contains the (normalised) value, as a term does in the text.
     * ({@code text:} is not a Field: it parses to a {@link Term} or {@link Phrase}.)
     */
    record Field(String name, String value) implements Query {
        public static final String PLATFORM = "platform";
        public static final String KIND = "kind";
        public static final String AUTHOR = "author";
        public static final String NAME = "name";
        public static final Set<String> NAMES = Set.of(PLATFORM, KIND, AUTHOR, NAME);

        public Field {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
        }

        @Override
        public String toString() {
            return name + ":" + (QueryParser.bareValue(value) ? value : QueryParser.quote(value));
        }
    }
}
