package dev.firebreak.rules;

/** A {@code match} expression that does not compile; {@link #column()} is 1-based within the expression. */
public final class MatchSyntaxException extends Exception {
    private final int column;

    public MatchSyntaxException(int column, String message) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
