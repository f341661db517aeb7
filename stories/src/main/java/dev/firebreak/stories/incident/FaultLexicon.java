package dev.firebreak.stories.incident;

import dev.firebreak.analysis.text.Keywords;
import dev.firebreak.analysis.text.WordListFile;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault concepts a post speaks of, from the project's lexicon ({@code /incidents/faults.txt}):
 * synonyms fold to one concept (冒烟, 焦糊味, 起火 are all {@code overheat}), found by one forward
 * longest-match pass; a word right after a negator (没冒过烟, 不漏水) does not count. Concepts are bits of
 * a {@code long}, so at most 64. Immutable, so thread-safe.
 */
public final class FaultLexicon {
    static final int MAX_CHARS = 1_000;
    private static final String NEGATORS = "没不未无";

    private final Keywords keywords;
    private final long[] bitOfWord;
    private final List<String> concepts;

    private FaultLexicon(Map<String, String> words, List<String> concepts) {
        this.keywords = Keywords.of(new ArrayList<>(words.keySet()));
        this.concepts = List.copyOf(concepts);
        this.bitOfWord = words.values().stream().mapToLong(c -> 1L << concepts.indexOf(c)).toArray();
    }

    /** The bundled lexicon; a bad line fails with file:line. */
    public static FaultLexicon load() {
        return load("faults.txt");
    }

    /**
     * The bundled product categories ({@code /incidents/categories.txt}, the same form: 充电宝 and 移动电源
     * are one category), found the same way.
     */
    public static FaultLexicon categories() {
        return load("categories.txt");
    }

    private static FaultLexicon load(String name) {
        Map<String, String> words = new LinkedHashMap<>();
        List<String> concepts = new ArrayList<>();
        WordListFile.readResource(FaultLexicon.class, "/incidents/" + name, r -> parse(name, r, words, concepts));
        return new FaultLexicon(words, concepts);
    }

    static void parse(String file, Reader reader, Map<String, String> words, List<String> concepts) throws IOException {
        for (WordListFile.Line line : WordListFile.lines(file, reader)) {
            if (line.fields().length != 2 || line.fields()[1].isBlank()) {
                throw new IllegalStateException(line.where() + "expected word<TAB>concept, got '" + line.text() + "'");
            }
            String word = line.keyword();
            String concept = line.fields()[1].strip();
            if (words.containsKey(word)) throw new IllegalStateException(line.where() + "'" + word + "' is listed twice");
            if (!concepts.contains(concept)) {
                if (concepts.size() == Long.SIZE) throw new IllegalStateException(line.where() + "more than 64 concepts");
                concepts.add(concept);
            }
            words.put(word, concept);
        }
    }

    /** The concepts the text names (bit i is {@link #concept(int)}), 0 when none. */
    public long find(String text) {
        if (text == null || text.isEmpty()) return 0;
        char[] t = Keywords.normalise(text, MAX_CHARS);
        long found = 0;
        for (int i = 0; i < t.length; ) {
            int id = keywords.starts(t[i]) ? keywords.match(t, i, t.length) : -1;
            if (id < 0) {
                i++;
                continue;
            }
            if (!negated(t, i)) found |= bitOfWord[id];
            i += keywords.length(id);
        }
        return found;
    }

    /** A negator right before, or with one char between (没冒过烟 is caught by 冒过烟; 不会漏水, 没有漏电). */
    private static boolean negated(char[] t, int at) {
        if (at >= 1 && NEGATORS.indexOf(t[at - 1]) >= 0) return true;
        return at >= 2 && NEGATORS.indexOf(t[at - 2]) >= 0 && (t[at - 1] == '有' || t[at - 1] == '会');
    }

    public String concept(int bit) {
        return concepts.get(bit);
    }

    public int size() {
        return concepts.size();
    }
}
