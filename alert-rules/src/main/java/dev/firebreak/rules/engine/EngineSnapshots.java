package dev.firebreak.rules.engine;

import dev.firebreak.core.Alert;
import dev.firebreak.rules.model.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The engine's groups to and from {@link EngineState}: plain data, sorted so the same state saves the same. */
final class EngineSnapshots {
    private EngineSnapshots() { }

    static EngineState snapshot(Map<String, Group> stories, Map<String, Map<String, Group>> byRule,
                                Map<String, String> aliases, List<EngineState.Pending> pending) {
        List<EngineState.Group> groups = new ArrayList<>();
        stories.values().forEach(g -> groups.add(state(g)));
        byRule.values().forEach(m -> m.values().forEach(g -> groups.add(state(g))));
        groups.sort(Comparator.comparing((EngineState.Group g) -> String.valueOf(g.ruleId()))
                .thenComparing(EngineState.Group::key));
        return new EngineState(groups, pending, new TreeMap<>(aliases));
    }

    private static EngineState.Group state(Group g) {
        List<EngineState.Member> members = new ArrayList<>(g.members.size());
        for (Group.Member m : g.members) {
            members.add(new EngineState.Member(m.ruleId, m.ruleVersion, m.severity, m.firstMatchedAt, m.reason, m.first));
        }
        return new EngineState.Group(g.ruleId, g.key, g.fires, g.alert, g.lastFiredAt, g.resolvedAt, members);
    }

    /**
     * A group as saved. An open alert saved before alerts carried their rules gets its one rule back from
     * the alert itself; that line of its reason stays as it was (no mention to render it from) while the alert is open.
     */
    static Group group(EngineState.Group s, RuleSet rules) {
        Group g = new Group(s.ruleId(), s.key());
        g.fires = s.fires();
        g.alert = s.alert();
        g.lastFiredAt = s.lastFiredAt();
        g.resolvedAt = s.resolvedAt();
        for (EngineState.Member m : s.members()) {
            g.members.add(new Group.Member(m.ruleId(), m.ruleVersion(), m.severity(), m.firstMatchedAt(), m.first(),
                    m.first() == null ? null : rules.rule(m.ruleId()).orElse(null), m.reason()));
        }
        Alert a = g.alert;
        if (a != null && g.members.isEmpty() && a.ruleId() != null) {
            g.members.add(new Group.Member(a.ruleId(), a.ruleVersion(), a.severity(), a.firedAt(), null, null, a.reason()));
        }
        return g;
    }
}
