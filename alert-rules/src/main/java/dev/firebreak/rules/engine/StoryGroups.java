package dev.firebreak.rules.engine;

import dev.firebreak.core.ScoredMention;
import java.util.HashMap;
import java.util.Map;

/**
 * The story groups, shared by every story-grouped rule, by group key (the story id the group first fired
 * under), and the story ids that became aliases of a group: a repost seen before its original has no story
 * yet and fires under its root post's key; when the original later joins a story, that story id is linked
 * to the group, so the incident keeps its one alert.
 */
final class StoryGroups {
    private final Map<String, Group> byKey = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    /** The story a mention belongs to: its story id, or its root post's key when it has none. */
    static String storyIdOf(ScoredMention m) {
        return m.storyId() != null && !m.storyId().isBlank() ? m.storyId() : m.mention().rootKey();
    }

    /**
     * The group of {@code m}: its story's, or (its story has none) that of its root post's key when an alert
     * is open under it. With {@code link}, the story id then becomes an alias of that group and its open
     * alert moves to the story id.
     */
    Group find(ScoredMention m, boolean link, OpenAlerts open) {
        String storyId = storyIdOf(m);
        Group g = byKey.get(aliases.getOrDefault(storyId, storyId));
        if (g != null) return g;
        String root = m.mention().rootKey();
        if (root.equals(storyId)) return null;
        Group byRoot = byKey.get(aliases.getOrDefault(root, root));
        if (byRoot == null || byRoot.alert == null) return null;
        if (link) {
            aliases.put(storyId, byRoot.key);
            open.moveStory(byRoot, storyId);
        }
        return byRoot;
    }

    void put(Group g) {
        byKey.put(g.key, g);
    }

    Map<String, Group> groups() {
        return byKey;
    }

    Map<String, String> aliases() {
        return aliases;
    }

    void clear() {
        byKey.clear();
        aliases.clear();
    }
}
