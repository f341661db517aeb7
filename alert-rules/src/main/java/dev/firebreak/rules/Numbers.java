package dev.firebreak.rules;

/**
 * Numbers as alert texts show them. Written out by hand rather than with {@code String.format} or
 * {@code NumberFormat}: every alert's reason renders several, and those built a formatter per call
 * (a tenth of the rules stage in the 2026-12-08 profile).
 */
public final class Numbers {
    private Numbers() { }

    /** 2150000 reads 215万 in Chinese, 123456789 reads 1.2亿; one decimal, dropped when it is 0. */
    public static String zh(long n) {
        if (n >= 100_000_000) return tenths(n, 100_000_000) + "亿";
        if (n >= 10_000) return tenths(n, 10_000) + "万";
        return Long.toString(n);
    }

    /** 2150000 reads 2,150,000 in English. */
    public static String en(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) out.append('-');
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) out.append(',').append(digits, i, i + 3);
        return out.toString();
    }

    /** n / unit to one decimal, rounded half up as %.1f does for positive numbers; "3" rather than "3.0". */
    private static String tenths(long n, long unit) {
        long tenths = Math.round(n * 10.0 / unit);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
