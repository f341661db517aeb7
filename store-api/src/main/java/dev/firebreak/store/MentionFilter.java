package dev.firebreak.store;

import dev.firebreak.core.ScoredMention;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Whether a mention passes every filter given. A mention without analysis passes only the platform
     * filter: it has no label, emotion or complaint to compare.
     */
    public boolean accepts(ScoredMention m) {
        if (platform != null && !platform.equals(m.mention().platform().wireName())) return false;
        if (label == null && emotion == null && complaint == null) return true;
        var a = m.analysis();
        if (a == null) return false;
        return (label == null || label.equals(a.label().wireName()))
                && (emotion == null || emotion.equals(a.emotion()))
                && (complaint == null || a.complaint().contains(complaint));
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
