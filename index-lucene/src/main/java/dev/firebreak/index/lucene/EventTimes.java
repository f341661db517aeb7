package dev.firebreak.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * The event time of every match of a query, read from doc values, so a volume histogram never loads
 * a stored document.
 */
final class EventTimes extends SimpleCollector {
    private long[] values = new long[1024];
    private int n;
    private NumericDocValues docValues;

    /** The event times (epoch millis) of every mention matching {@code q}, in no order. */
    static long[] of(IndexSearcher s, Query q) throws IOException {
        return s.search(q, new CollectorManager<EventTimes, EventTimes>() {
            @Override
            public EventTimes newCollector() {
                return new EventTimes();
            }

            @Override
            public EventTimes reduce(Collection<EventTimes> parts) {
                EventTimes all = new EventTimes();
                parts.forEach(p -> { for (int i = 0; i < p.n; i++) all.add(p.values[i]); });
                return all;
            }
        }).toArray();
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        docValues = context.reader().getNumericDocValues(MentionSchema.CREATED_AT);
    }

    @Override
    public void collect(int doc) throws IOException {
        if (docValues == null || !docValues.advanceExact(doc)) return;
        add(docValues.longValue());
    }

    private void add(long t) {
        if (n == values.length) values = Arrays.copyOf(values, n * 2);
        values[n++] = t;
    }

    private long[] toArray() {
        return Arrays.copyOf(values, n);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
