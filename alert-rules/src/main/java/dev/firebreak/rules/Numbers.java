package dev.firebreak.rules;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as alert texts show them. */
public final class Numbers {
    private Numbers() { }

    /** 2150000 reads 215万 in Chinese. */
    public static String zh(long n) {
        if (n >= 100_000_000) {
            return String.format(Locale.ROOT, "%.1f亿", n / 1e8).replace(".0亿", "亿");
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.1f万", n / 1e4).replace(".0万", "万");
        }
        return Long.toString(n);
    }

    /** 2150000 reads 2,150,000 in English. */
    public static String en(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
