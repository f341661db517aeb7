package dev.firebreak.rules.engine;

import dev.firebreak.core.Alert;
import dev.firebreak.core.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The groups with an open alert, by alert id and by the story the alert is about (for inhibition). */
final class OpenAlerts {
    private final Map<String, Group> byId = new HashMap<>();
    private final Map<String, List<Group>> byStory = new HashMap<>();

    void add(Group g) {
        byId.put(g.alert.id(), g);
        byStory.computeIfAbsent(g.alert.storyId(), x -> new ArrayList<>(1)).add(g);
    }

    /** The group of this open alert, no longer open; null when there is none. */
    Group remove(String alertId) {
        Group g = byId.remove(alertId);
        if (g != null) unlist(g);
        return g;
    }

    Group get(String alertId) {
        return byId.get(alertId);
    }

    Collection<Group> groups() {
        return byId.values();
    }

    /** The group's open alert is about {@code storyId} now (same id). */
    void moveStory(Group g, String storyId) {
        unlist(g);
        Alert a = g.alert;
        g.alert = new Alert(a.id(), a.ruleId(), a.ruleVersion(), a.severity(), storyId, a.firedAt(), a.reason(),
                a.mentions(), a.story(), a.status(), a.rules(), a.handling());
        byStory.computeIfAbsent(storyId, x -> new ArrayList<>(1)).add(g);
    }

    /** An open alert about this story that mutes {@code severity} (at least two levels worse), or null. */
    Alert inhibitor(String storyId, Severity severity) {
        List<Group> groups = byStory.get(storyId);
        if (groups == null) return null;
        for (int i = 0; i < groups.size(); i++) {
            Alert a = groups.get(i).alert;
            if (a != null && a.severity().ordinal() + 2 <= severity.ordinal()) return a;
        }
        return null;
    }

    void clear() {
        byId.clear();
        byStory.clear();
    }

    private void unlist(Group g) {
        List<Group> same = byStory.get(g.alert.storyId());
        if (same != null) {
            same.remove(g);
            if (same.isEmpty()) byStory.remove(g.alert.storyId());
        }
    }
}
