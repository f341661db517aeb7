package dev.firebreak.rules;

/**
 * Turns a rule's or a silence's {@code match} text into something that can test a mention. The
 * rules never look inside a match: {@link QueryMatchCompiler} backs it with the keyword query
 * language; tests may back it with anything.
 */
public interface MatchCompiler {
    /** Compiles an expression, or says where it is wrong. */
    Match compile(String expression) throws MatchSyntaxException;

    /** A compiled expression. Must be cheap and must not keep the input. */
    interface Match {
        boolean matches(MatchInput input);
    }

    /** The keyword query language ({@code dev.firebreak.query}). */
    static MatchCompiler queries() {
        return QueryMatchCompiler.INSTANCE;
    }
}
