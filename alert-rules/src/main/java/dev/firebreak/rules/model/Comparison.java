package dev.firebreak.rules.model;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ">= 100000"}, {@code "> 3"}, {@code "< 0.5"}, {@code "== 2"}, also {@code <=} and {@code !=}. */
public record Comparison(Op op, double value) {
    private static final Pattern TEXT = Pattern.compile("\\s*(>=|<=|==|!=|>|<)\\s*([-+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*");

    public enum Op {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("=="), NE("!=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) return op;
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** The comparison in this text, or null when it is not one. */
    public static Comparison parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new Comparison(Op.of(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /** False for NaN (an unknown figure satisfies nothing). */
    public boolean test(double x) {
        switch (op) {
            case GE: return x >= value;
            case GT: return x > value;
            case LE: return x <= value;
            case LT: return x < value;
            case EQ: return x == value;
            default: return !Double.isNaN(x) && x != value;
        }
    }

    /** {@code >=100000}: the same however it was written ({@code ">= 1e5"}, {@code ">=100000.0"}). */
    public String canonical() {
        return op.symbol + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
