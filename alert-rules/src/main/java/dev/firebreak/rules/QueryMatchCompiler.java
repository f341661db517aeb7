package dev.firebreak.rules;

import dev.firebreak.query.Query;
import dev.firebreak.query.QueryMatcher;
import dev.firebreak.query.QueryParser;
import dev.firebreak.query.QuerySyntaxException;
import dev.firebreak.query.Target;

/** {@link MatchCompiler} over the keyword query language: the only class here that knows it. */
final class QueryMatchCompiler implements MatchCompiler {
    static final QueryMatchCompiler INSTANCE = new QueryMatchCompiler();

    private QueryMatchCompiler() { }

    @Override
    public Match compile(String expression) throws MatchSyntaxException {
        Query query;
        try {
            query = QueryParser.parse(expression);
        } catch (QuerySyntaxException e) {
            throw new MatchSyntaxException(e.column(), e.detail());
        }
        return input -> QueryMatcher.matches(query, input.prepared(Target.class, Target::of));
    }
}
