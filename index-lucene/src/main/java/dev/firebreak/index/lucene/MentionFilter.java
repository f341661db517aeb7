package dev.firebreak.index.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Search filters beside the query language, for what it has no field for: the sentiment label, the
 * emotion and the complaint kind the analysis gave (and the platform, for a form). Each is exact; null
 * or blank means any.
 */
public record MentionFilter(String platform, String label, String emotion, String complaint) {
    public static final MentionFilter NONE = new MentionFilter(null, null, null, null);
    private static final Set<String> PLATFORMS = Set.of("weibo", "douyin", "xiaohongshu", "other");
    private static final Set<String> LABELS = Set.of("negative", "neutral", "positive");

    /**
     * Checks the closed sets; throws {@link IllegalArgumentException} naming the filter and what it
     * expects. Emotions and complaint kinds are open sets (the model names them), kept lower case.
     */
    public MentionFilter {
        platform = clean(platform);
        label = clean(label);
        emotion = clean(emotion);
        complaint = clean(complaint);
        if (platform != null && !PLATFORMS.contains(platform)) {
            throw new IllegalArgumentException("platform: unknown platform \"" + platform
                    + "\" (expected weibo, douyin, xiaohongshu, other)");
        }
        if (label != null && !LABELS.contains(label)) {
            throw new IllegalArgumentException("sentiment: unknown label \"" + label + "\" (expected negative, neutral, positive)");
        }
    }

    /** {@code q} restricted by every filter given. */
    Query restrict(Query q) {
        List<Query> filters = new ArrayList<>();
        if (platform != null) filters.add(new TermQuery(new Term(MentionSchema.PLATFORM, platform)));
        if (label != null) filters.add(new TermQuery(new Term(MentionSchema.LABEL, label)));
        if (emotion != null) filters.add(new TermQuery(new Term(MentionSchema.EMOTION, emotion)));
        if (complaint != null) filters.add(new TermQuery(new Term(MentionSchema.COMPLAINT, complaint)));
        if (filters.isEmpty()) return q;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
        filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
        return b.build();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
