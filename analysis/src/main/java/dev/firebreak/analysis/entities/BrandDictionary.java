package dev.firebreak.analysis.entities;

import dev.firebreak.core.Analysis.Entity;
import dev.firebreak.analysis.text.WordListFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The brand's names and products, from a file an admin edits ({@code NAME<TAB>BRAND|PRODUCT}).
 * Names are found as whole words by longest match, case-insensitively, so a product name is never
 * split into the brand and some other words. Immutable, so thread-safe.
 */
public final class BrandDictionary {
    public static final Set<String> TYPES = Set.of("BRAND", "PRODUCT");
    private static final String BUNDLED = "/analysis/brands.txt";

    private final Map<String, Entity> byLowerName;
    private final int longest;

    private BrandDictionary(Map<String, Entity> byLowerName) {
        this.byLowerName = Map.copyOf(byLowerName);
        this.longest = byLowerName.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The demo brand's dictionary shipped in the jar. */
    public static BrandDictionary bundled() {
        BrandDictionary[] loaded = new BrandDictionary[1];
        WordListFile.readResource(BrandDictionary.class, BUNDLED, r -> loaded[0] = parse(BUNDLED, r));
        return loaded[0];
    }

    /** An admin's file; a bad line fails with {@code FILE:LINE: what is wrong}. */
    public static BrandDictionary load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        }
    }

    static BrandDictionary parse(String source, Reader reader) throws IOException {
        Map<String, Entity> names = new HashMap<>();
        for (WordListFile.Line line : WordListFile.lines(source, reader)) {
            String[] parts = line.fields();
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException(line.where()
                        + "expected NAME<TAB>TYPE (TYPE is BRAND or PRODUCT), got \"" + line.text() + "\"");
            }
            String name = parts[0].strip();
            String type = parts[1].strip().toUpperCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException(line.where() + "unknown type \"" + parts[1].strip()
                        + "\" for \"" + name + "\" (expected BRAND or PRODUCT)");
            }
            Entity old = names.putIfAbsent(name.toLowerCase(Locale.ROOT), new Entity(name, type));
            if (old != null) {
                throw new IllegalArgumentException(line.where() + "\"" + name + "\" is listed twice");
            }
        }
        return new BrandDictionary(names);
    }

    public int size() {
        return byLowerName.size();
    }

    /** The names, for the segmenter's word list. */
    public List<String> names() {
        return byLowerName.values().stream().map(Entity::text).sorted().toList();
    }

    /**
     * Every dictionary name in the text, left to right, longest first where names overlap. The
     * entity's text is the dictionary's spelling; a name is not matched inside a longer run of
     * Latin letters or digits ("暖途T7" does not match in "暖途T70").
     */
    public List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (longest == 0) return found;
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int matched = 0;
            for (int len = Math.min(longest, lower.length() - i); len > 0; len--) {
                Entity e = byLowerName.get(lower.substring(i, i + len));
                if (e != null && wholeWord(lower, i, i + len)) {
                    found.add(new Found(e, i, i + len));
                    matched = len;
                    break;
                }
            }
            i += Math.max(matched, 1);
        }
        return found;
    }

    /** A Latin name or model number must not run on into more letters or digits. */
    private static boolean wholeWord(String text, int start, int end) {
        return !(alnum(text, start - 1) && alnum(text, start)) && !(alnum(text, end - 1) && alnum(text, end));
    }

    private static boolean alnum(String text, int i) {
        if (i < 0 || i >= text.length()) return false;
        char c = text.charAt(i);
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** A dictionary entity and where it is in the text (char offsets, end exclusive). */
    public record Found(Entity entity, int start, int end) { }
}
