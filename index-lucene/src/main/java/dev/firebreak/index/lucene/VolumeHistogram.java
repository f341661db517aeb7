package dev.firebreak.index.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * How many matching mentions fall in each of {@code buckets} equal slices of time: the search
 * page's volume chart. Reads event times from doc values, so it never loads a stored document.
 *
 * @param from   start of the first bucket (epoch millis)
 * @param width  width of each bucket (millis, at least 1)
 * @param counts mentions per bucket, oldest first
 */
public record VolumeHistogram(long from, long width, List<Long> counts) {

    /** Over [fromMillis, toMillis); an open end (MIN_VALUE / MAX_VALUE) becomes the oldest / newest match. */
    static VolumeHistogram of(IndexSearcher s, Query q, long fromMillis, long toMillis, int buckets) throws IOException {
        Times times = s.search(q, new CollectorManager<Times, Times>() {
            @Override
            public Times newCollector() {
                return new Times();
            }

            @Override
            public Times reduce(java.util.Collection<Times> parts) {
                Times all = new Times();
                parts.forEach(p -> { for (int i = 0; i < p.n; i++) all.add(p.values[i]); });
                return all;
            }
        });
        long from = fromMillis == Long.MIN_VALUE ? times.min : fromMillis;
        long to = toMillis == Long.MAX_VALUE ? times.max + 1 : toMillis;
        if (times.n == 0 && (fromMillis == Long.MIN_VALUE || toMillis == Long.MAX_VALUE)) {
            return new VolumeHistogram(fromMillis == Long.MIN_VALUE ? 0 : fromMillis, 1, List.of());
        }
        long width = Math.max(1, (to - from + buckets - 1) / buckets);
        long[] counts = new long[buckets];
        for (int i = 0; i < times.n; i++) {
            long t = times.values[i];
            if (t >= from && t < to) counts[(int) Math.min(buckets - 1, (t - from) / width)]++;
        }
        return new VolumeHistogram(from, width, java.util.Arrays.stream(counts).boxed().toList());
    }

    /** Collects the event time of every match. */
    private static final class Times extends SimpleCollector {
        long[] values = new long[1024];
        int n;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        private NumericDocValues docValues;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            docValues = context.reader().getNumericDocValues(MentionSchema.CREATED_AT);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (docValues == null || !docValues.advanceExact(doc)) return;
            add(docValues.longValue());
        }

        void add(long t) {
            if (n == values.length) values = java.util.Arrays.copyOf(values, n * 2);
            values[n++] = t;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
