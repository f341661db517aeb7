package dev.firebreak.stories.incident;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Mention;
import dev.firebreak.core.TextFold;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a post's {@link Topic} from its text and its first score: model codes in the text (an ASCII
 * letter or two and one to three digits standing alone: T7, N3, K2), the brand dictionary's PRODUCT
 * entities, else its BRAND entities; the fault concepts; the complaint types. A post with no analysis
 * has no topic (it joins by wording only). Immutable, so thread-safe.
 */
public final class TopicReader {
    static final int MAX_PRODUCTS = 6;
    private static final List<String> COMPLAINT_TYPES =
            List.of("refund", "quality", "service", "delivery", "price", "safety", "privacy", "fraud");

    private final FaultLexicon faults;
    private final FaultLexicon categories;
    private final SenseReader senses;

    public TopicReader(FaultLexicon faults, FaultLexicon categories, SenseReader senses) {
        this.faults = faults;
        this.categories = categories;
        this.senses = senses;
    }

    public static TopicReader load() {
        FaultLexicon categories = FaultLexicon.categories();
        return new TopicReader(FaultLexicon.load(), categories, new SenseReader(categories));
    }

    /**
     * {@code brand}: the brand's own account wrote it (a statement joins whatever its tone);
     * {@code praise}: it is praise (which never joins by topic: it reports no fault).
     */
    public Topic read(Mention m, Analysis analysis, boolean brand, boolean praise) {
        if (analysis == null || m.text() == null) return Topic.NONE;
        long found = faults.find(m.text());
        Set<String> products = new LinkedHashSet<>(models(m.text()));
        List<String> brands = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Analysis.Entity e : analysis.entities()) {
            if ("PRODUCT".equals(e.type())) products.add(Topic.PRODUCT + e.text());
            else if ("BRAND".equals(e.type()) && !brands.contains(e.text())) brands.add(e.text());
            if ("PRODUCT".equals(e.type()) || "BRAND".equals(e.type())) names.add(e.text());
        }
        names.sort((a, b) -> b.length() - a.length());   // 澄川电水壶K5 before 澄川
        List<String> keys = new ArrayList<>(products);
        long complaints = 0;
        for (String type : analysis.complaint()) {
            int i = COMPLAINT_TYPES.indexOf(type);
            if (i >= 0) complaints |= 1L << i;
        }
        boolean joinable = brand || !praise;
        // Senses are read only if asked for (LazySenses): segmenting costs ~20 µs a post.
        return new Topic(keys.subList(0, Math.min(MAX_PRODUCTS, keys.size())),
                brands.subList(0, Math.min(MAX_PRODUCTS, brands.size())), found, complaints, joinable, true,
                brand && m.author() != null ? m.author().name() : null, categories.find(m.text()),
                new LazySenses(() -> senses.read(m.text(), names)));
    }

    /** Model codes standing alone in the text, as {@code model:T7} (full-width folded, upper-cased). */
    static List<String> models(String text) {
        List<String> out = new ArrayList<>();
        int n = Math.min(text.length(), FaultLexicon.MAX_CHARS);
        int i = 0;
        while (i < n) {
            char c = fold(text.charAt(i));
            if (!asciiLetter(c) || (i > 0 && asciiLetterOrDigit(fold(text.charAt(i - 1))))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && j - i < 2 && asciiLetter(fold(text.charAt(j)))) j++;
            int digits = j;
            while (digits < n && digits - j < 4 && Character.isDigit(fold(text.charAt(digits))) && fold(text.charAt(digits)) < 128) digits++;
            boolean standsAlone = digits == n || !asciiLetterOrDigit(fold(text.charAt(digits)));
            if (digits > j && digits - j <= 3 && standsAlone && out.size() < MAX_PRODUCTS) {
                StringBuilder code = new StringBuilder("model:");
                for (int k = i; k < digits; k++) code.append(Character.toUpperCase(fold(text.charAt(k))));
                if (!out.contains(code.toString())) out.add(code.toString());
            }
            i = Math.max(i + 1, digits);
        }
        return out;
    }

    private static char fold(char c) {
        return TextFold.halfWidth(c);
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean asciiLetterOrDigit(char c) {
        return asciiLetter(c) || c >= '0' && c <= '9';
    }
}
