package dev.firebreak.store;

import java.util.Arrays;
import java.util.List;

/**
 * How many matching mentions fall in each of {@code buckets} equal slices of time: the search
 * page's volume chart.
 *
 * @param from   start of the first bucket (epoch millis)
 * @param width  width of each bucket (millis, at least 1)
 * @param counts mentions per bucket, oldest first
 */
public record VolumeHistogram(long from, long width, List<Long> counts) {

    /**
     * The event times of the matches, counted into {@code buckets} (at least 1) slices of
     * [fromMillis, toMillis); an open end (MIN_VALUE / MAX_VALUE) becomes the oldest / newest match,
     * and with no match at all an open range has no buckets.
     */
    public static VolumeHistogram of(long[] times, long fromMillis, long toMillis, int buckets) {
        int slices = Math.max(1, buckets);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : times) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (times.length == 0 && (fromMillis == Long.MIN_VALUE || toMillis == Long.MAX_VALUE)) {
            return new VolumeHistogram(fromMillis == Long.MIN_VALUE ? 0 : fromMillis, 1, List.of());
        }
        long from = fromMillis == Long.MIN_VALUE ? min : fromMillis;
        long to = toMillis == Long.MAX_VALUE ? max + 1 : toMillis;
        long width = Math.max(1, (to - from + slices - 1) / slices);
        long[] counts = new long[slices];
        for (long t : times) {
            if (t >= from && t < to) counts[(int) Math.min(slices - 1, (t - from) / width)]++;
        }
        return new VolumeHistogram(from, width, Arrays.stream(counts).boxed().toList());
    }
}
