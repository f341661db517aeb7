package dev.firebreak.index.lucene;

import dev.firebreak.query.Query.And;
import dev.firebreak.query.Query.Field;
import dev.firebreak.query.Query.Near;
import dev.firebreak.query.Query.Not;
import dev.firebreak.query.Query.Or;
import dev.firebreak.query.Query.Phrase;
import dev.firebreak.query.Query.Term;
import dev.firebreak.query.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A parsed keyword query as a Lucene query over {@link MentionSchema}, with the meaning
 * {@code QueryMatcher} gives it in memory (QueryAgreementTest holds the two together):
 * <ul>
 *   <li>a term or phrase: an exact {@link PhraseQuery} over its characters in {@link MentionSchema#CHARS}
 *       (a substring), with the glue marks on a Latin first or last character;</li>
 *   <li>{@code A NEAR/n B}: an unordered {@link SpanNearQuery} with slop n of the two character phrases.
 *       Its slop is {@code maxEnd - minStart - lenA - lenB}, the matcher's formula (negative, so always
 *       within, for overlapping occurrences), and with fixed-length operands its sweep misses no pair;</li>
 *   <li>AND, OR, NOT: boolean clauses; a NOT with nothing positive beside it subtracts from all documents;</li>
 *   <li>platform, kind, author: term queries on the keyword fields; name: a phrase in {@link MentionSchema#NAME}.</li>
 * </ul>
 * Scores mean nothing here (hits are sorted by time), so ANDed clauses are filters.
 */
public final class LuceneQueries {
    private LuceneQueries() { }

    public static Query toLucene(dev.firebreak.query.Query q) {
        if (q instanceof Term t) {
            return substring(MentionSchema.CHARS, t.text());
        }
        if (q instanceof Phrase p) {
            return substring(MentionSchema.CHARS, p.text());
        }
        if (q instanceof And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (dev.firebreak.query.Query c : a.clauses()) {
                if (c instanceof Not n) {
                    b.add(toLucene(n.clause()), BooleanClause.Occur.MUST_NOT);
                } else {
                    b.add(toLucene(c), BooleanClause.Occur.FILTER);
                    positive = true;
                }
            }
            if (!positive) {
                b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            }
            return b.build();
        }
        if (q instanceof Or o) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (dev.firebreak.query.Query c : o.clauses()) {
                b.add(toLucene(c), BooleanClause.Occur.SHOULD);
            }
            return b.build();
        }
        if (q instanceof Not n) {
            return new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                    .add(toLucene(n.clause()), BooleanClause.Occur.MUST_NOT)
                    .build();
        }
        if (q instanceof Near n) {
            return new SpanNearQuery(new SpanQuery[] {
                span(MentionSchema.CHARS, Near.text(n.left())), span(MentionSchema.CHARS, Near.text(n.right()))},
                    n.distance(), false);
        }
        if (q instanceof Field f) {
            switch (f.name()) {
                case Field.PLATFORM:
                    return new TermQuery(new org.apache.lucene.index.Term(MentionSchema.PLATFORM, f.value()));
                case Field.KIND:
                    return new TermQuery(new org.apache.lucene.index.Term(MentionSchema.KIND, f.value()));
                case Field.AUTHOR:
                    return new TermQuery(new org.apache.lucene.index.Term(MentionSchema.AUTHOR, f.value()));
                case Field.NAME:
                    return substring(MentionSchema.NAME, f.value());
                default:
                    throw new IllegalStateException(f.name());
            }
        }
        throw new IllegalStateException("unknown query node " + q.getClass());
    }

    /**
     * The token to look for at each position of a normalised term: its characters, the first marked
     * {@code ^} and the last {@code $} when they are ASCII letters or digits (see {@link CharTokenizer}).
     */
    static List<String> positionTerms(String text) {
        List<String> out = new ArrayList<>(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i + Character.charCount(text.codePointAt(i));
            StringBuilder tok = new StringBuilder(3);
            boolean word = TextNormalizer.isWordChar(text.charAt(i));
            if (word && i == 0) {
                tok.append(CharTokenizer.RUN_START);
            }
            tok.append(text, i, end);
            if (word && end == text.length()) {
                tok.append(CharTokenizer.RUN_END);
            }
            out.add(tok.toString());
            i = end;
        }
        return out;
    }

    private static Query substring(String field, String text) {
        List<String> terms = positionTerms(text);
        if (terms.size() == 1) {
            return new TermQuery(new org.apache.lucene.index.Term(field, terms.get(0)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            b.add(new org.apache.lucene.index.Term(field, terms.get(i)), i);
        }
        return b.build();
    }

    private static SpanQuery span(String field, String text) {
        List<String> terms = positionTerms(text);
        SpanQuery[] clauses = new SpanQuery[terms.size()];
        for (int i = 0; i < clauses.length; i++) {
            clauses[i] = new SpanTermQuery(new org.apache.lucene.index.Term(field, terms.get(i)));
        }
        return clauses.length == 1 ? clauses[0] : new SpanNearQuery(clauses, 0, true);
    }
}
