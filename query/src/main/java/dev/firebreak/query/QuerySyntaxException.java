package dev.firebreak.query;

/**
 * A query that does not parse. The message is {@code column N: what is wrong}, N being the 1-based
 * column (in characters, as the user sees them) where the problem is; it is meant to be shown as is.
 */
public final class QuerySyntaxException extends Exception {
    private final int column;
    private final String detail;

    public QuerySyntaxException(int column, String detail) {
        super("column " + column + ": " + detail);
        this.column = column;
        this.detail = detail;
    }

    /** 1-based column of the problem, counted in characters (code points). */
    public int column() {
        return column;
    }

    /** The message without its {@code column N: } prefix. */
    public String detail() {
        return detail;
    }
}
