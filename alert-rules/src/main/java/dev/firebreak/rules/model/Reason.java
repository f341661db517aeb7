package dev.firebreak.rules.model;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.rules.Numbers;
import dev.firebreak.rules.StoryFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code reason} in Chinese and English with placeholders: {@code {author}}, {@code {followers}}
 * (215万 in Chinese, 2,150,000 in English), {@code {platform}}, {@code {rule}}, {@code {negative}},
 * {@code {complaint}}, {@code {channels}}, {@code {stage}}, {@code {story.size}}, {@code {story.reach}},
 * {@code {story.velocity1h}}, {@code {story.predictedFinal}}. The alert's reason is {@code zh / en}.
 */
public final class Reason {
    public static final List<String> PLACEHOLDERS = List.of("author", "followers", "platform", "rule", "negative",
            "complaint", "channels", "stage", "story.size", "story.reach", "story.velocity1h", "story.predictedFinal");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String zh;
    private final String en;
    private final Object[] zhParts;
    private final Object[] enParts;

    private Reason(String zh, String en) {
        this.zh = zh;
        this.en = en;
        this.zhParts = parts(zh);
        this.enParts = parts(en);
    }

    /** A reason from its Chinese and English templates (either may be null, not both); check {@link #unknownPlaceholders} first. */
    public static Reason of(String zh, String en) {
        return new Reason(zh, en);
    }

    /** The placeholders in a template that are not known, in order. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) out.add(m.group(1));
        }
        return out;
    }

    private static Object[] parts(String template) {
        if (template == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(template.substring(last, m.start()));
            int index = PLACEHOLDERS.indexOf(m.group(1));
            out.add(index < 0 ? m.group() : (Object) index);
            last = m.end();
        }
        if (last < template.length()) out.add(template.substring(last));
        return out.toArray();
    }

    public String render(String ruleId, ScoredMention m, StoryFacts story) {
        if (zhParts != null && enParts != null) {
            return fill(zhParts, true, ruleId, m, story) + " / " + fill(enParts, false, ruleId, m, story);
        }
        return fill(zhParts != null ? zhParts : enParts, zhParts != null, ruleId, m, story);
    }

    private static String fill(Object[] parts, boolean chinese, String ruleId, ScoredMention m, StoryFacts story) {
        StringBuilder out = new StringBuilder();
        for (Object p : parts) {
            out.append(p instanceof Integer i ? value(i, chinese, ruleId, m, story) : (String) p);
        }
        return out.toString();
    }

    private static String value(int placeholder, boolean chinese, String ruleId, ScoredMention m, StoryFacts s) {
        var author = m.mention().author();
        var a = m.analysis();
        switch (PLACEHOLDERS.get(placeholder)) {
            case "author": return author == null ? "?" : author.name();
            case "followers": return author == null ? "0" : count(author.followers(), chinese);
            case "platform": return m.mention().platform().wireName();
            case "rule": return ruleId;
            case "negative": return a == null ? "?" : String.format(Locale.ROOT, "%.2f", a.negative());
            case "complaint": return a == null ? "" : String.join(chinese ? "、" : ", ", a.complaint());
            case "channels": return a == null || a.escalation() == null ? "" : String.join(chinese ? "、" : ", ", a.escalation().channels());
            case "stage": return a == null || a.escalation() == null ? "" : a.escalation().stage();
            case "story.size": return count(s.size(), chinese);
            case "story.reach": return count(s.reach(), chinese);
            case "story.velocity1h": return String.format(Locale.ROOT, "%.0f", s.velocity1h());
            default: return Double.isNaN(s.predictedFinal()) ? "?" : count(Math.round(s.predictedFinal()), chinese);
        }
    }

    private static String count(long n, boolean chinese) {
        return chinese ? Numbers.zh(n) : Numbers.en(n);
    }

    public String canonical() {
        return "zh=" + (zh == null ? "" : zh) + "\nreason.en=" + (en == null ? "" : en);
    }
}
