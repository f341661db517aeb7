package dev.firebreak.index.lucene;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.ScoredMention;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * How a mention is laid out in Lucene, and why each field is indexed the way it is.
 */
public final class MentionSchema {
    /**
     * The layout's version, kept in the index's commit data. {@link MentionIndex#open} rewrites every
     * document from its stored source when an index has another (1: text segmented by smartcn; 2: the
     * query language's character fields).
     */
    public static final String VERSION = "2";
    /** The commit-data key {@link #VERSION} is stored under. */
    public static final String VERSION_KEY = "firebreak.schema";
    /** {@code platform:nativeId}; a keyword, so {@code updateDocument} can replace by it (upsert). */
    public static final String ID = "id";
    /**
     * The text for the query language: normalised as the in-memory matcher does, one token per character
     * with positions, plus glue marks on Latin runs ({@link CharTokenizer}). A term is a phrase of its
     * characters, so it matches as a substring, exactly where {@code QueryMatcher} says it does.
     */
    public static final String CHARS = "chars";
    /** The author's display name, tokenized like {@link #CHARS}, for {@code name:} filters. */
    public static final String NAME = "authorName";
    /** weibo | douyin | xiaohongshu | other; a keyword for filters, with doc values for facets. */
    public static final String PLATFORM = "platform";
    /** post | repost | comment | note | video; a keyword for filters. */
    public static final String KIND = "kind";
    /** The author's platform id; a keyword for {@code author:} filters. */
    public static final String AUTHOR = "author";
    /** Epoch millis of event time: a point for range queries, doc values for sorting and histograms. */
    public static final String CREATED_AT = "createdAt";
    /** negative | neutral | positive; a keyword for filters. */
    public static final String LABEL = "label";
    /** The emotion the analysis read (angry, sad ...); a keyword for the search page's filter. */
    public static final String EMOTION = "emotion";
    /** Each complaint kind the analysis found (refund, quality ...); a keyword per kind, for filters. */
    public static final String COMPLAINT = "complaint";
    /** Probability of negative: a point for thresholds, doc values for sorting. */
    public static final String NEGATIVE = "negative";
    /** The story this mention belongs to; a keyword so a story's mentions are one term query. */
    public static final String STORY = "storyId";
    /** The whole scored mention as JSON, stored only: hits are returned from it without a second store. */
    public static final String SOURCE = "source";

    private MentionSchema() { }

    /**
     * The analyzer of the only tokenized fields, {@link #CHARS} and {@link #NAME}: character by character.
     * Every other field is a keyword (StringField), indexed whole without an analyzer.
     */
    public static Analyzer analyzer() {
        return CharTokenizer.analyzer();
    }

    public static Document toDocument(ScoredMention scored) {
        var m = scored.mention();
        Document doc = new Document();
        doc.add(new StringField(ID, m.key(), Field.Store.YES));
        doc.add(new TextField(CHARS, m.text() == null ? "" : m.text(), Field.Store.NO));
        if (m.author().name() != null) {
            doc.add(new TextField(NAME, m.author().name(), Field.Store.NO));
        }
        keyword(doc, PLATFORM, m.platform().wireName());
        keyword(doc, KIND, m.kind().wireName());
        doc.add(new StringField(AUTHOR, m.author().id(), Field.Store.NO));
        long millis = m.createdAt().toInstant().toEpochMilli();
        doc.add(new LongPoint(CREATED_AT, millis));
        doc.add(new NumericDocValuesField(CREATED_AT, millis));
        if (scored.analysis() != null) {
            keyword(doc, LABEL, scored.analysis().label().wireName());
            doc.add(new DoublePoint(NEGATIVE, scored.analysis().negative()));
            doc.add(new DoubleDocValuesField(NEGATIVE, scored.analysis().negative()));
            if (scored.analysis().emotion() != null) {
                doc.add(new StringField(EMOTION, scored.analysis().emotion(), Field.Store.NO));
            }
            for (String kind : scored.analysis().complaint()) {
                doc.add(new StringField(COMPLAINT, kind, Field.Store.NO));
            }
        }
        if (scored.storyId() != null) {
            keyword(doc, STORY, scored.storyId());
        }
        doc.add(new StoredField(SOURCE, FirebreakJson.write(scored)));
        return doc;
    }

    public static ScoredMention fromDocument(Document doc) {
        return FirebreakJson.read(doc.get(SOURCE), ScoredMention.class);
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
