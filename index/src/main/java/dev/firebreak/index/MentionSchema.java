package dev.firebreak.index;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.ScoredMention;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
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
    /** {@code platform:nativeId}; a keyword, so {@code updateDocument} can replace by it (upsert). */
    public static final String ID = "id";
    /** The text, segmented for Chinese by SmartChineseAnalyzer so words, not characters, match. */
    public static final String TEXT = "text";
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
    /** Probability of negative: a point for thresholds, doc values for sorting. */
    public static final String NEGATIVE = "negative";
    /** The story this mention belongs to; a keyword so a story's mentions are one term query. */
    public static final String STORY = "storyId";
    /** The whole scored mention as JSON, stored only: hits are returned from it without a second store. */
    public static final String SOURCE = "source";

    private MentionSchema() { }

    /** Text fields get the Chinese analyser; every other field is a keyword, matched whole. */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(TEXT, new SmartChineseAnalyzer()));
    }

    public static Document toDocument(ScoredMention scored) {
        var m = scored.mention();
        Document doc = new Document();
        doc.add(new StringField(ID, m.key(), Field.Store.YES));
        doc.add(new TextField(TEXT, m.text(), Field.Store.NO));
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
