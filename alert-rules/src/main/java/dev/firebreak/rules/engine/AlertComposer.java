package dev.firebreak.rules.engine;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.rules.StoryFacts;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes a group's alert from its rules and the story's current figures: the rules most severe first (then
 * in the order they matched), the alert's rule id, version and severity those of the first, and the
 * reason one line per rule, every line rendered again from the current figures, so nothing says
 * "1 mention" beside a size of 7.
 */
final class AlertComposer {
    static final int KEEP_FIRST = 10;
    static final int KEEP_LAST = 40;
    private static final Comparator<Group.Member> ORDER = Comparator.comparing((Group.Member m) -> m.severity)
            .thenComparing(m -> m.firstMatchedAt.toInstant());

    private AlertComposer() { }

    /** {@code was}: the alert before (its status and handling carry over), or null for a new one. */
    static Alert compose(Group g, String id, String storyId, OffsetDateTime firedAt, List<String> mentions,
                         StoryFacts story, Alert was) {
        List<Group.Member> sorted = new ArrayList<>(g.members);
        sorted.sort(ORDER);
        List<Alert.RuleMatch> rules = new ArrayList<>(sorted.size());
        StringBuilder reason = new StringBuilder();
        for (Group.Member m : sorted) {
            if (m.rule != null) m.reason = m.rule.reason().render(m.ruleId, m.first, story);
            rules.add(new Alert.RuleMatch(m.ruleId, m.ruleVersion, m.severity, m.reason, m.firstMatchedAt));
            if (reason.length() > 0) reason.append('\n');
            reason.append(m.reason);
        }
        Group.Member top = sorted.get(0);
        return new Alert(id, top.ruleId, top.ruleVersion, top.severity, storyId, firedAt, reason.toString(),
                mentions, story.figures(), was == null || was.status() == null ? AlertStatus.FIRING : was.status(), rules,
                was == null ? null : was.handling());
    }

    /** The alert's mentions with {@code m} added: the first 10 and the latest 40 are kept. */
    static List<String> withMention(List<String> mentions, ScoredMention m) {
        if (mentions.contains(m.key())) return mentions;
        List<String> next = new ArrayList<>(Math.min(mentions.size() + 1, KEEP_FIRST + KEEP_LAST));
        if (mentions.size() < KEEP_FIRST + KEEP_LAST) {
            next.addAll(mentions);
        } else {
            next.addAll(mentions.subList(0, KEEP_FIRST));
            next.addAll(mentions.subList(mentions.size() - KEEP_LAST + 1, mentions.size()));
        }
        next.add(m.key());
        return next;
    }
}
