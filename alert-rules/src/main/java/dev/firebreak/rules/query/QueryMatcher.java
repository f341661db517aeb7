package dev.firebreak.rules.query;

/** PLACEHOLDER until the keyword query language lands: whether a target's text satisfies a query. */
public final class QueryMatcher {
    private QueryMatcher() { }

    public static boolean matches(Query query, Target target) {
        if (query instanceof Query.Term t) {
            return target.text().contains(t.text());
        }
        if (query instanceof Query.And a) {
            for (Query q : a.parts()) {
                if (!matches(q, target)) return false;
            }
            return true;
        }
        if (query instanceof Query.Or o) {
            for (Query q : o.parts()) {
                if (matches(q, target)) return true;
            }
            return false;
        }
        return !matches(((Query.Not) query).part(), target);
    }
}
