package dev.firebreak.rules;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Analysis;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.core.Severity;
import dev.firebreak.core.Story;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in rule until rule files exist: a negative mention from an author whose followers reach
 * at least {@code minFollowers}. One alert per story: later matches in the same story do not fire again.
 * Superseded by the rule files ({@code rules/builtin.yaml}, read by {@code file.RuleLoader} and run by
 * {@code engine.AlertEngine}); kept until the daemon switches over.
 */
public final class NegativeHighReachRule implements Rule {
    public static final String ID = "negative-high-reach";
    private final long minFollowers;
    private final double minNegative;
    private final String version;

    public NegativeHighReachRule(long minFollowers, double minNegative) {
        if (minFollowers < 0) {
            throw new IllegalArgumentException("minFollowers must not be negative, got " + minFollowers);
        }
        if (minNegative < 0 || minNegative > 1) {
            throw new IllegalArgumentException("minNegative must be in [0,1], got " + minNegative);
        }
        this.minFollowers = minFollowers;
        this.minNegative = minNegative;
        this.version = RuleVersion.of(ID + " label=negative negative>=" + minNegative + " followers>=" + minFollowers);
    }

    public static NegativeHighReachRule defaults() {
        return new NegativeHighReachRule(10_000, 0.6);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Optional<Alert> evaluate(ScoredMention scored) {
        Analysis a = scored.analysis();
        long followers = scored.mention().author().followers();
        if (a == null || a.label() != Sentiment.NEGATIVE || a.negative() < minNegative || followers < minFollowers) {
            return Optional.empty();
        }
        String group = scored.storyId() == null ? scored.key() : scored.storyId();
        String reason = String.format(Locale.ROOT,
                "高影响力负面提及：%s（粉丝 %s），负面概率 %.2f / Negative mention by %s (%s followers), p(negative)=%.2f",
                scored.mention().author().name(), followersZh(followers), a.negative(),
                scored.mention().author().name(), NumberFormat.getIntegerInstance(Locale.US).format(followers), a.negative());
        return Optional.of(new Alert(
                RuleVersion.alertId(ID, group), ID, version, Severity.P2, group,
                scored.mention().createdAt(), reason, List.of(scored.key()),
                new Story.Figures(1, 0, null, followers), AlertStatus.FIRING));
    }

    /** 2150000 reads 215万 in Chinese. */
    static String followersZh(long followers) {
        if (followers >= 100_000_000) {
            return String.format(Locale.ROOT, "%.1f亿", followers / 1e8).replace(".0亿", "亿");
        }
        if (followers >= 10_000) {
            return String.format(Locale.ROOT, "%.1f万", followers / 1e4).replace(".0万", "万");
        }
        return Long.toString(followers);
    }
}
