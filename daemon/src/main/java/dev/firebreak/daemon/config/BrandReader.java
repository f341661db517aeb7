package dev.firebreak.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Platform;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The {@code brand:} section: {@code accounts:} per platform, each with {@code ids} and/or {@code names}
 * (lists of text). Each problem is reported at its key: an unknown platform, a platform with neither,
 * an empty or blank entry, a value that is not a list.
 */
final class BrandReader {
    private static final String PLATFORMS = Arrays.stream(Platform.values()).map(Platform::wireName)
            .collect(Collectors.joining(", "));
    private final BiConsumer<String, String> problem;

    BrandReader(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    /** {@code node} is the section (an empty mapping when absent). */
    BrandAccounts read(JsonNode node) {
        node.fieldNames().forEachRemaining(k -> {
            if (!k.equals("accounts")) problem.accept("/brand/" + k, "brand." + k + ": unknown key (expected accounts)");
        });
        JsonNode accounts = node.get("accounts");
        if (accounts == null || accounts.isNull()) return BrandAccounts.NONE;
        if (!accounts.isObject()) {
            problem.accept("/brand/accounts", "brand.accounts: expected a mapping of platform to {ids, names}");
            return BrandAccounts.NONE;
        }
        Map<Platform, Set<String>> ids = new EnumMap<>(Platform.class);
        Map<Platform, Set<String>> names = new EnumMap<>(Platform.class);
        accounts.fields().forEachRemaining(e -> {
            String at = "/brand/accounts/" + e.getKey();
            String name = "brand.accounts." + e.getKey();
            Platform platform = platform(e.getKey());
            if (platform == null) {
                problem.accept(at, name + ": unknown platform (expected " + PLATFORMS + ")");
                return;
            }
            JsonNode p = e.getValue();
            if (!p.isObject()) {
                problem.accept(at, name + ": expected a mapping with ids and/or names");
                return;
            }
            p.fieldNames().forEachRemaining(k -> {
                if (!k.equals("ids") && !k.equals("names")) {
                    problem.accept(at + "/" + k, name + "." + k + ": unknown key (expected ids, names)");
                }
            });
            Set<String> i = list(p.get("ids"), at + "/ids", name + ".ids");
            Set<String> n = list(p.get("names"), at + "/names", name + ".names");
            if (i.isEmpty() && n.isEmpty()) {
                problem.accept(at, name + ": no account: give ids or names");
            }
            ids.put(platform, i);
            names.put(platform, n);
        });
        return new BrandAccounts(ids, names);
    }

    private Set<String> list(JsonNode n, String at, String name) {
        Set<String> out = new LinkedHashSet<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) {
            problem.accept(at, name + ": expected a list like [\"7012345678\"]");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.isValueNode() || v.asText().isBlank()) {
                problem.accept(at + "/" + i, name + "[" + i + "]: empty entry");
            } else {
                out.add(v.asText().strip());
            }
        }
        return out;
    }

    private static Platform platform(String key) {
        for (Platform p : Platform.values()) {
            if (p.wireName().equals(key.toLowerCase(Locale.ROOT))) return p;
        }
        return null;
    }
}
