package dev.firebreak.analysis.complaint;

import dev.firebreak.analysis.text.Keywords;
import dev.firebreak.analysis.text.WordListFile;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says which kinds of complaint a Chinese post raises (refund, quality, service, delivery, price,
 * safety, privacy, fraud), from hand-written keyword lists read in one forward longest-match pass.
 *
 * <p>A {@code strong} keyword (漏水, 踢皮球, 假货) is a complaint unless a negator stands right before it;
 * an {@code aspect} keyword (物流, 客服, 价格) is one only when a complaint word is near it in its clause
 * or praise there is negated; a {@code usual} keyword (退款) is one unless praise is near it and no
 * complaint word is. So "物流很快，客服态度好" raises nothing. No regular expressions; work is capped at
 * {@link #MAX_CHARS} chars. Immutable, so thread-safe.
 */
public final class ComplaintClassifier {
    /** Complaint types, in the order they are reported. */
    public static final List<String> TYPES =
            List.of("refund", "quality", "service", "delivery", "price", "safety", "privacy", "fraud");

    static final int MAX_CHARS = 2_000;
    private static final int BEFORE = 6;     // chars before an aspect searched for how it is spoken of
    private static final int AFTER = 10;     // chars after it
    private static final int NEGATOR_GAP = 1;

    enum Mode { STRONG, USUAL, ASPECT }
    enum Cue { NEGATIVE, POSITIVE, NEGATOR }

    /** One word: for a keyword its type bits and mode, for a cue its kind. */
    record Entry(int types, Mode mode, Cue cue) { }

    private final Keywords keywords;
    private final Entry[] entries;

    private ComplaintClassifier(Map<String, Entry> lexicon) {
        this.keywords = Keywords.of(new ArrayList<>(lexicon.keySet()));
        this.entries = lexicon.values().toArray(new Entry[0]);
    }

    /** Loads {@code /complaint/keywords.txt} and {@code /complaint/cues.txt}; a bad line fails with file:line. */
    public static ComplaintClassifier load() {
        Map<String, Entry> lexicon = new LinkedHashMap<>();
        read("keywords.txt", lexicon);
        read("cues.txt", lexicon);
        return new ComplaintClassifier(lexicon);
    }

    /** The complaint types the text raises, in {@link #TYPES} order; empty when none. Never throws. */
    public List<String> classify(String text) {
        if (text == null || text.isEmpty()) return List.of();
        char[] t = Keywords.normalise(text, MAX_CHARS);
        int n = t.length;
        // tokens: start, end, entry id; -1 entry marks a clause boundary
        int[] start = new int[32], end = new int[32], entry = new int[32];
        int size = 0;
        boolean anyKeyword = false;
        for (int i = 0; i < n; ) {
            int id = boundary(t[i]) ? -1 : keywords.match(t, i, n);
            if (id < 0 && !boundary(t[i])) {
                i++;
                continue;
            }
            if (size == start.length) {
                start = java.util.Arrays.copyOf(start, size * 2);
                end = java.util.Arrays.copyOf(end, size * 2);
                entry = java.util.Arrays.copyOf(entry, size * 2);
            }
            int to = id < 0 ? i + 1 : i + keywords.length(id);
            start[size] = i;
            end[size] = to;
            entry[size] = id;
            size++;
            if (id >= 0 && entries[id].cue() == null) anyKeyword = true;
            i = to;
        }
        if (!anyKeyword) return List.of();
        int found = 0;
        for (int m = 0; m < size; m++) {
            if (entry[m] < 0) continue;
            Entry e = entries[entry[m]];
            if (e.cue() != null || (found & e.types()) == e.types()) continue;
            if (raises(e.mode(), m, start, end, entry, size)) found |= e.types();
        }
        if (found == 0) return List.of();
        List<String> types = new ArrayList<>(2);
        for (int i = 0; i < TYPES.size(); i++) if ((found & (1 << i)) != 0) types.add(TYPES.get(i));
        return types;
    }

    private boolean raises(Mode mode, int m, int[] start, int[] end, int[] entry, int size) {
        if (negated(m, start, end, entry)) return false;
        if (mode == Mode.STRONG) return true;
        boolean negative = false, positive = false;
        for (int j = m - 1; j >= 0 && start[m] - end[j] <= BEFORE && entry[j] >= 0; j--) {
            Cue cue = entries[entry[j]].cue();
            if (cue == Cue.NEGATIVE || cue == Cue.POSITIVE) {
                if ((cue == Cue.NEGATIVE) != negated(j, start, end, entry)) negative = true;
                else positive = true;
            } else if (cue == null && entries[entry[j]].mode() == Mode.STRONG) {
                negative = true;   // 漏水的售后: a complaint word next to the aspect
            }
        }
        for (int j = m + 1; j < size && start[j] - end[m] <= AFTER && entry[j] >= 0; j++) {
            Cue cue = entries[entry[j]].cue();
            if (cue == Cue.NEGATIVE || cue == Cue.POSITIVE) {
                if ((cue == Cue.NEGATIVE) != negated(j, start, end, entry)) negative = true;
                else positive = true;
            } else if (cue == null && entries[entry[j]].mode() == Mode.STRONG && !negated(j, start, end, entry)) {
                negative = true;
            }
        }
        return mode == Mode.ASPECT ? negative : negative || !positive;
    }

    /** Whether token {@code j} has a negator right before it in its clause (没问题, 不快, 不是假货). */
    private boolean negated(int j, int[] start, int[] end, int[] entry) {
        int p = j - 1;
        return p >= 0 && entry[p] >= 0 && entries[entry[p]].cue() == Cue.NEGATOR && start[j] - end[p] <= NEGATOR_GAP;
    }

    private static boolean boundary(char c) {
        switch (c) {
            case '。': case '!': case '?': case ';': case '\n': case '\r': case '…': case ',': case '、':
            case ' ': case '\t': case '~': case '#': case '【': case '】': case '(': case ')': case '.': case ':':
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- loading

    private static void read(String file, Map<String, Entry> lexicon) {
        WordListFile.readResource(ComplaintClassifier.class, "/complaint/" + file,
                r -> parse(file, r, file.startsWith("keywords"), lexicon));
    }

    /**
     * Parses {@code word<TAB>type[,type]<TAB>mode} lines (keywords) or {@code word<TAB>cue} lines (cues);
     * {@code #} and blank lines are skipped; a word may appear once across both files.
     */
    static void parse(String file, Reader reader, boolean keywordFile, Map<String, Entry> lexicon) throws IOException {
        for (WordListFile.Line l : WordListFile.lines(file, reader)) {
            String line = l.text();
            String[] parts = l.fields();
            String word = l.keyword();
            String where = l.where();
            Entry entry;
            if (keywordFile) {
                int types = parts.length == 3 ? types(parts[1]) : 0;
                Mode mode = parts.length == 3 ? mode(parts[2].strip()) : null;
                if (types == 0 || mode == null) {
                    throw new IllegalStateException(where + "expected word<TAB>type[,type]<TAB>strong|usual|aspect"
                            + " with types from " + TYPES + ", got '" + line + "'");
                }
                entry = new Entry(types, mode, null);
            } else {
                Cue cue = parts.length == 2 ? cue(parts[1].strip()) : null;
                if (cue == null) {
                    throw new IllegalStateException(where + "expected word<TAB>negative|positive|negator, got '" + line + "'");
                }
                entry = new Entry(0, null, cue);
            }
            if (lexicon.putIfAbsent(word, entry) != null) {
                throw new IllegalStateException(where + "duplicate word '" + word + "'");
            }
        }
    }

    private static int types(String list) {
        int bits = 0;
        for (String name : list.split(",", -1)) {
            int i = TYPES.indexOf(name.strip());
            if (i < 0) return 0;
            bits |= 1 << i;
        }
        return bits;
    }

    private static Mode mode(String text) {
        switch (text) {
            case "strong": return Mode.STRONG;
            case "usual": return Mode.USUAL;
            case "aspect": return Mode.ASPECT;
            default: return null;
        }
    }

    private static Cue cue(String text) {
        switch (text) {
            case "negative": return Cue.NEGATIVE;
            case "positive": return Cue.POSITIVE;
            case "negator": return Cue.NEGATOR;
            default: return null;
        }
    }
}
