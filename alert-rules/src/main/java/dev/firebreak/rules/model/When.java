package dev.firebreak.rules.model;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Author;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.rules.StoryFacts;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rule's {@code when}: every condition must hold (AND). Checking it allocates nothing.
 * A rule with analysis conditions never holds for a mention without analysis.
 */
public final class When {
    /** Numeric figures a comparison can read. */
    public enum Field {
        NEGATIVE("negative"),
        STORY_SIZE("story.size"), STORY_VELOCITY_1H("story.velocity1h"), STORY_ACCELERATION("story.acceleration"),
        STORY_REACH("story.reach"), STORY_KOLS("story.kols"), STORY_MEDIA_OR_GOVERNMENT("story.mediaOrGovernment"),
        STORY_PREDICTED_FINAL("story.predictedFinal"), STORY_NEGATIVE_SHARE("story.negativeShare"),
        STORY_THREATS("story.threats"), STORY_FILED("story.filed"),
        AUTHOR_FOLLOWERS("author.followers");

        public final String key;

        Field(String key) {
            this.key = key;
        }

        public static Field of(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) return f;
            }
            return null;
        }

        double read(Analysis a, StoryFacts s, Author au) {
            switch (this) {
                case NEGATIVE: return a == null ? Double.NaN : a.negative();
                case STORY_SIZE: return s.size();
                case STORY_VELOCITY_1H: return s.velocity1h();
                case STORY_ACCELERATION: return s.acceleration();
                case STORY_REACH: return s.reach();
                case STORY_KOLS: return s.kols();
                case STORY_MEDIA_OR_GOVERNMENT: return s.mediaOrGovernment();
                case STORY_PREDICTED_FINAL: return s.predictedFinal();
                case STORY_NEGATIVE_SHARE: return s.negativeShare();
                case STORY_THREATS: return s.threats();
                case STORY_FILED: return s.filed();
                default: return au == null ? Double.NaN : au.followers();
            }
        }
    }

    public static final List<String> LABELS = List.of("negative", "neutral", "positive");
    public static final List<String> EMOTIONS = List.of("neutral", "happy", "angry", "sad", "fear", "surprise");
    public static final List<String> COMPLAINTS =
            List.of("refund", "quality", "service", "delivery", "price", "safety", "privacy", "fraud");
    public static final List<String> STAGES = List.of("threat", "filed", "any");
    public static final List<String> CHANNELS =
            List.of("12315", "12345", "blackcat", "consumer_association", "media", "lawyer", "police");
    public static final List<String> ACCOUNT_TYPES = List.of("media", "government", "enterprise", "person");

    private final Sentiment label;
    private final Field[] fields;
    private final Comparison[] comparisons;
    private final String[] emotions;
    private final String[] complaints;
    private final String stage;
    private final String[] channels;
    private final Boolean verified;
    private final String[] accountTypes;
    private final boolean needsAnalysis;

    /** Nulls are conditions not set; sets are "any of". */
    public When(Sentiment label, List<Field> fields, List<Comparison> comparisons, Set<String> emotions,
                Set<String> complaints, String stage, Set<String> channels, Boolean verified, Set<String> accountTypes) {
        this.label = label;
        this.fields = fields.toArray(new Field[0]);
        this.comparisons = comparisons.toArray(new Comparison[0]);
        this.emotions = sorted(emotions);
        this.complaints = sorted(complaints);
        this.stage = stage;
        this.channels = sorted(channels);
        this.verified = verified;
        this.accountTypes = sorted(accountTypes);
        this.needsAnalysis = label != null || emotions != null || complaints != null || stage != null || channels != null
                || fields.contains(Field.NEGATIVE);
    }

    public static When always() {
        return new When(null, List.of(), List.of(), null, null, null, null, null, null);
    }

    private static String[] sorted(Set<String> s) {
        return s == null ? null : s.stream().sorted().toArray(String[]::new);
    }

    public boolean test(ScoredMention m, StoryFacts story) {
        Analysis a = m.analysis();
        if (needsAnalysis && a == null) {
            return false;
        }
        Author au = m.mention().author();
        if (label != null && a.label() != label) return false;
        for (int i = 0; i < fields.length; i++) {
            if (!comparisons[i].test(fields[i].read(a, story, au))) return false;
        }
        if (verified != null && (au == null || au.verified() != verified)) return false;
        if (accountTypes != null && (au == null || !contains(accountTypes, au.accountType()))) return false;
        if (emotions != null && !contains(emotions, a.emotion())) return false;
        if (complaints != null && !anyOf(complaints, a.complaint())) return false;
        if (stage != null || channels != null) {
            Escalation e = a.escalation();
            if (e == null || e.stage() == null) return false;
            if (stage != null && !stage.equals("any") && !stage.equals(e.stage())) return false;
            if (channels != null && !anyOf(channels, e.channels())) return false;
        }
        return true;
    }

    private static boolean contains(String[] set, String value) {
        if (value == null) return false;
        for (String s : set) {
            if (s.equals(value)) return true;
        }
        return false;
    }

    private static boolean anyOf(String[] set, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (contains(set, values.get(i))) return true;
        }
        return false;
    }

    /** {@code author.followers>=100000; label=negative}: sorted by key, sets sorted. */
    public String canonical() {
        TreeMap<String, String> parts = new TreeMap<>();
        if (label != null) parts.put("label", "=" + label.name().toLowerCase(Locale.ROOT));
        for (int i = 0; i < fields.length; i++) {
            parts.merge(fields[i].key, comparisons[i].canonical(), (x, y) -> x + "," + y);
        }
        if (emotions != null) parts.put("emotion", " in " + String.join(",", emotions));
        if (complaints != null) parts.put("complaint", " in " + String.join(",", complaints));
        if (stage != null) parts.put("escalation.stage", "=" + stage);
        if (channels != null) parts.put("escalation.channels", " in " + String.join(",", channels));
        if (verified != null) parts.put("author.verified", "=" + verified);
        if (accountTypes != null) parts.put("author.accountType", " in " + String.join(",", accountTypes));
        StringBuilder out = new StringBuilder();
        parts.forEach((k, v) -> out.append(out.length() == 0 ? "" : "; ").append(k).append(v));
        return out.toString();
    }
}
