package dev.firebreak.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers in alert texts: as the formatters they replace wrote them. */
class NumbersTest {
    @Test
    void examples() {
        assertEquals("9999", Numbers.zh(9_999));
        assertEquals("1万", Numbers.zh(10_000));
        assertEquals("215万", Numbers.zh(2_150_000));
        assertEquals("1.2万", Numbers.zh(12_345));
        assertEquals("10万", Numbers.zh(99_960));
        assertEquals("1.2亿", Numbers.zh(123_456_789));
        assertEquals("0", Numbers.en(0));
        assertEquals("999", Numbers.en(999));
        assertEquals("2,150,000", Numbers.en(2_150_000));
        assertEquals("-1,000", Numbers.en(-1_000));
    }

    @Test
    void agreeWithStringFormatAndNumberFormatOverManyValues() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long n = i < 100_000 ? i * 37L : random.nextLong(0, 5_000_000_000L);
            assertEquals(NumberFormat.getIntegerInstance(Locale.US).format(n), Numbers.en(n), "en " + n);
            assertEquals(reference(n), Numbers.zh(n), "zh " + n);
        }
    }

    private static String reference(long n) {
        if (n >= 100_000_000) return String.format(Locale.ROOT, "%.1f亿", n / 1e8).replace(".0亿", "亿");
        if (n >= 10_000) return String.format(Locale.ROOT, "%.1f万", n / 1e4).replace(".0万", "万");
        return Long.toString(n);
    }
}
