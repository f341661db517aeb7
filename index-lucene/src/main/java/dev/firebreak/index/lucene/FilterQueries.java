package dev.firebreak.index.lucene;

import dev.firebreak.store.MentionFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A {@link MentionFilter} as Lucene filter clauses over the keyword fields of {@link MentionSchema}. */
final class FilterQueries {
    private FilterQueries() { }

    /** {@code q} restricted by every filter given. */
    static Query restrict(MentionFilter filter, Query q) {
        List<Query> filters = new ArrayList<>();
        if (filter.platform() != null) filters.add(new TermQuery(new Term(MentionSchema.PLATFORM, filter.platform())));
        if (filter.label() != null) filters.add(new TermQuery(new Term(MentionSchema.LABEL, filter.label())));
        if (filter.emotion() != null) filters.add(new TermQuery(new Term(MentionSchema.EMOTION, filter.emotion())));
        if (filter.complaint() != null) filters.add(new TermQuery(new Term(MentionSchema.COMPLAINT, filter.complaint())));
        if (filters.isEmpty()) return q;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
        filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
        return b.build();
    }
}
