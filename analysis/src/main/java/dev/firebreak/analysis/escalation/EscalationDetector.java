package dev.firebreak.analysis.escalation;

import dev.firebreak.core.Escalation;
import dev.firebreak.analysis.text.Keywords;
import dev.firebreak.analysis.text.WordListFile;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads whether a Chinese post threatens to take a complaint to an outside authority ({@code threat})
 * or says it already has ({@code filed}), and which authorities it names.
 *
 * <p>One forward longest-match pass over the text finds channel words (12315, 消协, 律师函 ...),
 * complaint verbs (投诉) and cue words (要, 已经, 不会, 听说, 吗 ...). Each channel word or verb is
 * then judged from the cues near it: the nearest decisive cue before it in its sentence (a negator
 * only right before it), then what follows it in its clause (了, 见, a question). Filed outranks
 * threat across the post. No regular expressions; work is capped at {@link #MAX_CHARS} chars.
 * Immutable, so thread-safe.
 */
public final class EscalationDetector {
    /** Channels, in the order they are reported. */
    public static final List<String> CHANNELS =
            List.of("12315", "12345", "blackcat", "consumer_association", "media", "lawyer", "police");
    public static final String THREAT = "threat";
    public static final String FILED = "filed";

    static final int MAX_CHARS = 2_000;
    private static final int MAX_MENTIONS = 32;
    private static final int PRE = 16;           // chars before a mention searched for its cue
    private static final int POST = 10;          // chars after it
    private static final int NEGATOR_GAP = 3;    // 不会去投诉: at most this many chars from negator to mention
    private static final int ABSORB_GAP = 3;     // 12315去投诉 / 投诉到12315: a verb this close is the channel's
    private static final int CONTEXT = 8;        // an action-mode channel needs an action word this close

    // token kinds (bits)
    static final int VERB = 1, ACTION = 1 << 1, INTENT = 1 << 2, CALL = 1 << 3, HOW = 1 << 4, DONE = 1 << 5,
            NEGATOR = 1 << 6, CONDITION = 1 << 7, THIRD = 1 << 8, QUESTION = 1 << 9, AFTER = 1 << 10,
            BLOCK = 1 << 11, NUMBER = 1 << 12, CHANNEL = 1 << 13, HARD = 1 << 14, SOFT = 1 << 15,
            THIRD_AFTER = 1 << 16, RETRACT = 1 << 17, USELESS = 1 << 18, ACTED = 1 << 19, PAST = 1 << 20;
    private static final int THREATENS = INTENT | CALL | HOW;
    private static final Map<String, Integer> CUE_KINDS = Map.ofEntries(
            Map.entry("verb", VERB), Map.entry("action", ACTION), Map.entry("intent", INTENT),
            Map.entry("call", CALL), Map.entry("how", HOW), Map.entry("filed", DONE),
            Map.entry("negator", NEGATOR), Map.entry("condition", CONDITION), Map.entry("third", THIRD),
            Map.entry("question", QUESTION), Map.entry("threat-after", AFTER), Map.entry("block", BLOCK),
            Map.entry("number", NUMBER), Map.entry("third-after", THIRD_AFTER), Map.entry("retract", RETRACT),
            Map.entry("useless", USELESS), Map.entry("acted", ACTED), Map.entry("past", PAST));
    enum Mode { STRONG, ACTION, VERB, ALONE }
    /** Channel "-" in channels.txt: an outside body that is not named (有关部门). */
    private static final int UNNAMED = -1;

    /** One keyword: its kind bits, and for a channel word its channel index and mode. */
    record Entry(int kind, int channel, Mode mode, boolean digits) { }

    private final Keywords keywords;
    private final Entry[] entries;

    private final List<String> phrases;

    private EscalationDetector(Map<String, Entry> lexicon) {
        this.keywords = Keywords.of(new ArrayList<>(lexicon.keySet()));
        this.entries = lexicon.values().toArray(new Entry[0]);
        this.phrases = lexicon.entrySet().stream()
                .filter(e -> (e.getValue().kind() & (CHANNEL | VERB)) != 0 && e.getKey().length() >= 2)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The channel words and complaint verbs of two characters or more (12315, 黑猫投诉, 投诉, 曝光 ...):
     * what the console highlights in a mention the detector read as an escalation. Cue words are left
     * out, since alone they say nothing.
     */
    public List<String> highlightPhrases() {
        return phrases;
    }

    /** Loads {@code /escalation/channels.txt} and {@code /escalation/cues.txt}; a bad line fails with file:line. */
    public static EscalationDetector load() {
        Map<String, Entry> lexicon = new LinkedHashMap<>();
        Map<String, String> source = new LinkedHashMap<>();
        read("channels.txt", lexicon, source);
        read("cues.txt", lexicon, source);
        return new EscalationDetector(lexicon);
    }

    /** The escalation the text threatens or reports, or null when it does neither. Never throws. */
    public Escalation detect(String text) {
        if (text == null || text.isEmpty()) return null;
        char[] t = Keywords.normalise(text, MAX_CHARS);
        Tokens tokens = tokenise(t);
        if (tokens.mentions == 0) return null;
        return judge(t, tokens);
    }

    // ---------------------------------------------------------------- tokens

    /** Parallel arrays of the tokens of one text, in order. */
    private static final class Tokens {
        int size;
        int mentions;
        int[] start = new int[16];
        int[] end = new int[16];
        int[] kind = new int[16];
        int[] entry = new int[16];

        void add(int from, int to, int bits, int id) {
            if (size == start.length) {
                int grown = size * 2;
                start = java.util.Arrays.copyOf(start, grown);
                end = java.util.Arrays.copyOf(end, grown);
                kind = java.util.Arrays.copyOf(kind, grown);
                entry = java.util.Arrays.copyOf(entry, grown);
            }
            start[size] = from;
            end[size] = to;
            kind[size] = bits;
            entry[size] = id;
            size++;
            if ((bits & (VERB | CHANNEL)) != 0) mentions++;
        }
    }

    private Tokens tokenise(char[] t) {
        Tokens tokens = new Tokens();
        int n = t.length;
        int numberContextEnd = -PRE;
        for (int i = 0; i < n; ) {
            char c = t[i];
            int boundary = boundary(c);
            if (boundary != 0) {
                tokens.add(i, i + 1, boundary, c);
                i++;
                continue;
            }
            int id = keywords.match(t, i, n);
            if (id < 0) {
                i++;
                continue;
            }
            int to = i + keywords.length(id);
            Entry e = entries[id];
            if (e.digits() && (isDigitOrLetter(t, i - 1) || isDigitOrLetter(t, to) || unit(t, to)
                    || i > 0 && (t[i - 1] == '第' || t[i - 1] == '-')
                    || i - numberContextEnd <= 2)) {
                while (i < n && isDigit(t[i])) i++;   // 订单号12315678, 价格12315元: one number, no channel
                i = Math.max(i, to);
                continue;
            }
            if ((e.kind() & NUMBER) != 0) numberContextEnd = to;
            if ((e.kind() & (BLOCK | NUMBER)) == 0) tokens.add(i, to, e.kind(), id);
            i = to;
        }
        return tokens;
    }

    private static int boundary(char c) {
        switch (c) {
            case '。': case '!': case '?': case ';': case '\n': case '\r': case '…':
                return HARD;
            case ',': case '、': case ' ': case '\t': case ':': case '~': case '#': case '【': case '】':
            case '(': case ')': case '「': case '」': case '“': case '”': case '《': case '》': case '.':
                return SOFT;
            default:
                return 0;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigitOrLetter(char[] t, int i) {
        if (i < 0 || i >= t.length) return false;
        char c = t[i];
        return isDigit(c) || (c >= 'a' && c <= 'z');
    }

    /** 110斤, 12315元: a unit right after a number says it is an amount. */
    private static boolean unit(char[] t, int i) {
        if (i >= t.length) return false;
        return "元块斤平米分度号岁万千百个条次件天楼路克毫份台瓦伏位".indexOf(t[i]) >= 0;
    }

    // ---------------------------------------------------------------- judging

    private Escalation judge(char[] t, Tokens k) {
        boolean[] channels = new boolean[CHANNELS.size()];
        boolean[] absorbed = new boolean[k.size];
        boolean any = false, filed = false;
        int judged = 0;
        // channel words first: they absorb the verbs beside them
        for (int m = 0; m < k.size && judged < MAX_MENTIONS; m++) {
            if ((k.kind[m] & CHANNEL) == 0 || !counts(k, m)) continue;
            judged++;
            int stage = stage(t, k, m, absorb(k, m, absorbed));
            if (stage == CALLED) stage = 1;
            if (stage == 0) continue;
            any = true;
            filed |= stage == 2;
            int channel = entries[k.entry[m]].channel();
            if (channel != UNNAMED) channels[channel] = true;
        }
        for (int m = 0; m < k.size && judged < MAX_MENTIONS; m++) {
            if ((k.kind[m] & VERB) == 0 || (k.kind[m] & CHANNEL) != 0 || absorbed[m]) continue;
            judged++;
            int stage = stage(t, k, m, m);
            if (stage != CALLED) continue;   // 投诉 alone stays with the brand unless others are called out
            any = true;
            filed |= stage == 2;
        }
        if (!any) return null;
        List<String> named = new ArrayList<>(2);
        for (int c = 0; c < channels.length; c++) if (channels[c]) named.add(CHANNELS.get(c));
        return new Escalation(filed ? FILED : THREAT, named);
    }

    /** Whether channel token {@code m} names a channel here: action/verb-mode words need company. */
    private boolean counts(Tokens k, int m) {
        Mode mode = entries[k.entry[m]].mode();
        if (mode == Mode.STRONG) return true;
        if (mode == Mode.ALONE) return alone(k, m);
        int need = mode == Mode.VERB ? VERB | DONE | ACTED : VERB | ACTION | INTENT | DONE | PAST | CALL | CHANNEL | ACTED;
        for (int j = m - 1; j >= 0 && k.start[m] - k.end[j] <= CONTEXT && (k.kind[j] & HARD) == 0; j--) {
            if ((k.kind[j] & SOFT) != 0) break;
            if ((k.kind[j] & need) != 0 && !weakChannel(k, j)) return true;
        }
        for (int j = m + 1; j < k.size && k.start[j] - k.end[m] <= CONTEXT; j++) {
            if ((k.kind[j] & (HARD | SOFT)) != 0) break;
            if ((k.kind[j] & need) != 0 && !weakChannel(k, j)) return true;
        }
        return false;
    }

    /** 去工商局告你们: a sue-word beside another channel is only the verb. */
    private boolean alone(Tokens k, int m) {
        for (int j = m - 1; j >= 0 && (k.kind[j] & (HARD | SOFT)) == 0; j--) {
            if ((k.kind[j] & CHANNEL) != 0 && entries[k.entry[j]].mode() != Mode.ALONE) return false;
        }
        for (int j = m + 1; j < k.size && (k.kind[j] & (HARD | SOFT)) == 0; j++) {
            if ((k.kind[j] & CHANNEL) != 0 && entries[k.entry[j]].mode() != Mode.ALONE) return false;
        }
        return true;
    }

    private boolean weakChannel(Tokens k, int j) {
        return (k.kind[j] & CHANNEL) != 0 && entries[k.entry[j]].mode() != Mode.STRONG;
    }

    /**
     * Marks complaint verbs right beside channel token {@code m} (投诉到12315, 12315去投诉) as its own,
     * and returns the index of the last token of the mention so read.
     */
    private static int absorb(Tokens k, int m, boolean[] absorbed) {
        for (int j = m - 1; j >= 0 && k.start[m] - k.end[j] <= ABSORB_GAP; j--) {
            if ((k.kind[j] & (HARD | SOFT)) != 0) break;
            if ((k.kind[j] & VERB) != 0) absorbed[j] = true;
        }
        int last = m;
        for (int j = m + 1; j < k.size && k.start[j] - k.end[last] <= ABSORB_GAP; j++) {
            if ((k.kind[j] & (HARD | SOFT)) != 0) break;
            if ((k.kind[j] & VERB) != 0) {
                absorbed[j] = true;
                last = j;
            } else if ((k.kind[j] & (ACTION)) == 0) {
                break;
            }
        }
        return last;
    }

    /** Stage of a mention whose nearest cue calls on others (建议大家都去投诉): a threat. */
    private static final int CALLED = 3;

    /**
     * 0 none, 1 threat, 2 filed, or {@link #CALLED} (a threat by calling on others), for the mention
     * from token {@code first} to token {@code last}.
     */
    private int stage(char[] t, Tokens k, int first, int last) {
        int from = k.start[first], to = k.end[last];
        // before: the nearest decisive cue in the sentence
        int pre = (k.kind[first] & DONE) != 0 ? 2 : 0;   // 报了警
        boolean sameClause = true, conditioned = false;
        for (int j = first - 1; j >= 0 && from - k.end[j] <= PRE; j--) {
            int kind = k.kind[j];
            if ((kind & HARD) != 0) break;
            if ((kind & SOFT) != 0) {
                sameClause = false;
                continue;
            }
            if ((kind & RETRACT) != 0) return 0;
            if (pre != 0) continue;
            if ((kind & CONDITION) != 0) conditioned = true;
            if ((kind & NEGATOR) != 0) {
                int gap = k.end[j] - k.start[j] == 1 ? 1 : NEGATOR_GAP;
                if (sameClause && !conditioned && from - k.end[j] <= gap) return 0;
                continue;
            }
            if ((kind & THIRD) != 0) {
                if (!firstPerson(t, k.end[j], from)) return 0;
                continue;
            }
            if ((kind & (DONE | PAST)) != 0) pre = 2;
            else if ((kind & CALL) != 0) pre = CALLED;
            else if ((kind & THREATENS) != 0) pre = 1;
        }
        // after: 了/过 right behind it, a done cue, 见, or a question in the clause
        int post = 0;
        if (to < t.length && (t[to] == '了' || t[to] == '过')) post = 2;
        boolean question = false, how = false, clause = true, useless = false, others = false;
        for (int j = last + 1; j < k.size; j++) {
            int kind = k.kind[j];
            if ((kind & HARD) != 0) {
                if (k.entry[j] == '?') question = true;
                break;
            }
            if ((kind & RETRACT) != 0) return 0;
            if ((kind & QUESTION) != 0) question = true;
            if ((kind & HOW) != 0) how = true;
            if ((kind & SOFT) != 0) clause = false;
            if (!clause || k.start[j] - to > POST) continue;
            if ((kind & (DONE | ACTED)) != 0 && post == 0) post = 2;
            if ((kind & AFTER) != 0 && k.start[j] - to <= 1 && post == 0) post = 1;
            if ((kind & THREATENS) != 0 && post == 0) post = 1;   // 黑猫投诉我会发
            if ((kind & USELESS) != 0) useless = true;
            if ((kind & THIRD_AFTER) != 0 && k.start[j] - to <= 1) others = true;
        }
        if (pre != 0) return pre;
        if (others) return 0;
        if (how) return 1;
        if (post == 2) return 2;
        if (question || useless) return 0;
        if (post == 1) return 1;
        // no cue at all: a channel acted on (打12315, 12315投诉, 起诉) reads as a threat
        boolean acted = last != first || (k.kind[first] & VERB) != 0
                || first > 0 && (k.kind[first - 1] & ACTION) != 0 && k.start[first] == k.end[first - 1];
        return (k.kind[first] & CHANNEL) != 0 && acted ? 1 : 0;
    }

    /** Whether the writer (我) comes back between a third-party cue and the mention. */
    private static boolean firstPerson(char[] t, int from, int to) {
        for (int i = from; i < to; i++) if (t[i] == '我') return true;
        return false;
    }

    // ---------------------------------------------------------------- loading

    private static void read(String file, Map<String, Entry> lexicon, Map<String, String> source) {
        WordListFile.readResource(EscalationDetector.class, "/escalation/" + file,
                r -> parse(file, r, file.startsWith("channels"), lexicon, source));
    }

    /**
     * Parses {@code word<TAB>channel<TAB>mode} lines (channels) or {@code word<TAB>kind} lines (cues);
     * {@code #} and blank lines are skipped; a word may appear once across all files.
     */
    static void parse(String file, Reader reader, boolean channels, Map<String, Entry> lexicon,
            Map<String, String> source) throws IOException {
        for (WordListFile.Line l : WordListFile.lines(file, reader)) {
            String line = l.text();
            String[] parts = l.fields();
            String word = l.keyword();
            String where = l.where();
            Entry entry;
            if (channels) {
                int extra = parts.length == 4 ? kinds(parts[3], VERB | DONE) : 0;
                boolean shape = (parts.length == 3 || parts.length == 4) && extra >= 0;
                String name = shape ? parts[1].strip() : "";
                int channel = name.equals("-") ? UNNAMED : CHANNELS.indexOf(name);
                Mode mode = shape ? mode(parts[2].strip()) : null;
                if (channel < 0 && !name.equals("-") || mode == null) {
                    throw new IllegalStateException(where + "expected word<TAB>channel<TAB>strong|action|verb|alone"
                            + "[<TAB>verb,filed] with channel '-' or one of " + CHANNELS + ", got '" + line + "'");
                }
                int kind = CHANNEL | extra;
                entry = new Entry(kind, channel, mode, word.chars().allMatch(c -> c >= '0' && c <= '9'));
            } else {
                int kind = parts.length == 2 ? kinds(parts[1], -1) : -1;
                if (kind <= 0) {
                    throw new IllegalStateException(where + "expected word<TAB>kind[,kind...] with kinds from "
                            + CUE_KINDS.keySet() + ", got '" + line + "'");
                }
                entry = new Entry(kind, -1, null, false);
            }
            String other = source.putIfAbsent(word, where);
            if (other != null) throw new IllegalStateException(where + "duplicate word '" + word + "', first at " + other);
            lexicon.put(word, entry);
        }
    }

    /** The bits of a comma list of cue kinds, each allowed by {@code allowed}; -1 if any is unknown. */
    private static int kinds(String list, int allowed) {
        int bits = 0;
        for (String name : list.split(",", -1)) {
            Integer kind = CUE_KINDS.get(name.strip());
            if (kind == null || (kind & allowed) == 0) return -1;
            bits |= kind;
        }
        return bits;
    }

    private static Mode mode(String text) {
        switch (text) {
            case "strong": return Mode.STRONG;
            case "action": return Mode.ACTION;
            case "verb": return Mode.VERB;
            case "alone": return Mode.ALONE;
            default: return null;
        }
    }
}
