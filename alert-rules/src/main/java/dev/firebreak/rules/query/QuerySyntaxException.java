package dev.firebreak.rules.query;

/** PLACEHOLDER until the keyword query language lands: a query that does not parse, at a 1-based column. */
public final class QuerySyntaxException extends Exception {
    private final int column;

    public QuerySyntaxException(int column, String message) {
        super(message);
        this.column = column;
    }

    /** The 1-based column in the query text where the problem is. */
    public int column() {
        return column;
    }
}
