package dev.firebreak.core;

import java.util.Map;
import java.util.Set;

/**
 * The brand's own accounts (config {@code brand.accounts}), per platform: account ids and, where a
 * platform's ids are not known, display names. Their posts are the brand speaking: they never raise a
 * complaint alert, and they join an incident as "the brand responded at T".
 */
public record BrandAccounts(Map<Platform, Set<String>> ids, Map<Platform, Set<String>> names) {
    public static final BrandAccounts NONE = new BrandAccounts(Map.of(), Map.of());

    public BrandAccounts {
        ids = Map.copyOf(ids);
        names = Map.copyOf(names);
    }

    /** Whether the brand itself wrote this mention. */
    public boolean wrote(Mention m) {
        if (m == null || m.author() == null) return false;
        Set<String> byId = ids.get(m.platform());
        if (byId != null && m.author().id() != null && byId.contains(m.author().id())) return true;
        Set<String> byName = names.get(m.platform());
        return byName != null && m.author().name() != null && byName.contains(m.author().name());
    }

    public boolean isEmpty() {
        return ids.values().stream().allMatch(Set::isEmpty) && names.values().stream().allMatch(Set::isEmpty);
    }
}
