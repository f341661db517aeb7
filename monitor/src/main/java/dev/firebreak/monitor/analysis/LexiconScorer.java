package dev.firebreak.monitor.analysis;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Sentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately simple Chinese sentiment scorer over four hand-written lexicons: forward maximum
 * matching, negators flip, degree adverbs scale, and a logistic turns the net evidence into
 * {@code negative}. It only claims the label and the probability. Immutable, so thread-safe.
 */
public final class LexiconScorer {
    public static final String MODEL = "lexicon-v1";

    private static final double PRIOR = -1.0;        // no evidence: logistic(-1) ≈ 0.27, i.e. neutral
    private static final double SCALE = 0.75;        // one weight-2 complaint word alone crosses 0.6
    private static final double NEGATIVE_AT = 0.6;
    private static final double POSITIVE_AT = 0.3;
    private static final double NEGATED_NEGATIVE = 0.5; // 不差 is faint praise, not praise
    private static final int INTENSIFIER_TOKENS = 2;
    private static final int NEGATOR_CHARS = 3;
    private static final int FAR = -1_000_000;         // "no modifier seen in this clause"

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[\\w\\-./?=&%#:~+]+");
    private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_\\-]+");
    private static final Pattern EMOTICON = Pattern.compile("\\[([^\\[\\]\\s]{1,6})]");
    // A-not-A questions (值不值得, 好不好用, 有没有) ask; they do not negate or assert anything.
    // The rest of the sentence is a question: up to ？, or a clause-final 吗 / 呢 / 是什么.
    private static final Pattern QUESTION =
            Pattern.compile("[^。！!；;？?\\n]*(?:[？?]|(?:[吗呢]|是什么)(?![\\p{L}\\p{N}]))");
    private static final Pattern A_NOT_A = Pattern.compile("(\\p{IsHan})[不没]\\1");
    /** Weibo bracket emoticons, signed: > 0 is positive evidence. [微笑] is read as sarcasm there. */
    private static final Map<String, Double> EMOTICONS = Map.ofEntries(
            Map.entry("怒", -1.0), Map.entry("怒骂", -1.2), Map.entry("抓狂", -1.0), Map.entry("鄙视", -1.0),
            Map.entry("哭", -0.8), Map.entry("泪", -0.8), Map.entry("吐", -0.8), Map.entry("衰", -0.6),
            Map.entry("微笑", -0.5), Map.entry("允悲", -0.5), Map.entry("赞", 1.0), Map.entry("good", 1.0),
            Map.entry("给力", 1.0), Map.entry("爱你", 1.0), Map.entry("心", 0.8), Map.entry("鼓掌", 0.8),
            Map.entry("开心", 0.8), Map.entry("哈哈", 0.6), Map.entry("嘻嘻", 0.6), Map.entry("耶", 0.6));

    private enum Kind { SENTIMENT, NEGATOR, INTENSIFIER }

    /** One lexicon word; for SENTIMENT the value is signed (> 0 positive), for INTENSIFIER a factor. */
    private record Entry(Kind kind, double value) { }

    /** Running sums of evidence for one text. */
    private static final class Evidence {
        double positive;
        double negative;

        void add(double signed) {
            if (signed > 0) positive += signed;
            else negative -= signed;
        }
    }

    private final Map<String, Entry> lexicon;
    private final int longestWord;
    private final int sentiments;

    private LexiconScorer(Map<String, Entry> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
        this.longestWord = lexicon.keySet().stream().mapToInt(String::length).max().orElse(1);
        this.sentiments = (int) lexicon.values().stream().filter(e -> e.kind() == Kind.SENTIMENT).count();
    }

    /** Loads the lexicons under {@code /lexicon/} on the classpath; a bad line fails with file:line. */
    public static LexiconScorer load() {
        Map<String, Entry> all = new HashMap<>();
        Map<String, String> source = new HashMap<>();
        merge(all, source, "negative.txt", Kind.SENTIMENT, -1);
        merge(all, source, "positive.txt", Kind.SENTIMENT, 1);
        merge(all, source, "negation.txt", Kind.NEGATOR, 1);
        merge(all, source, "intensifier.txt", Kind.INTENSIFIER, 1);
        return new LexiconScorer(all);
    }

    public int size() {
        return sentiments;
    }

    public Analysis score(String text) {
        Evidence evidence = new Evidence();
        String cleaned = emoticons(strip(text.toLowerCase(Locale.ROOT)), evidence);
        scan(A_NOT_A.matcher(cleaned.replace('#', ' ')).replaceAll(" "), evidence);
        double negative = 1 / (1 + Math.exp(-(PRIOR + SCALE * (evidence.negative - evidence.positive))));
        return new Analysis(label(negative, evidence), negative, null, List.of(), null, List.of(), MODEL);
    }

    private static Sentiment label(double negative, Evidence evidence) {
        if (negative >= NEGATIVE_AT) return Sentiment.NEGATIVE;
        if (negative <= POSITIVE_AT && evidence.positive > 0) return Sentiment.POSITIVE;
        return Sentiment.NEUTRAL;
    }

    /** URLs and @names are not the author's words (a user called 吐槽君 is not a complaint). */
    private static String strip(String text) {
        return MENTION.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
    }

    /** Counts known bracket emoticons and removes every bracket tag, so [赞] is not read twice. */
    private static String emoticons(String text, Evidence evidence) {
        Matcher m = EMOTICON.matcher(text);
        while (m.find()) {
            evidence.add(EMOTICONS.getOrDefault(m.group(1), 0.0));
        }
        return m.replaceAll(" ");
    }

    /** Forward maximum matching; modifiers reach forward only within their clause. */
    private void scan(String text, Evidence evidence) {
        int negatorEnd = FAR, intensifierToken = FAR, intensifierStart = 0;
        double factor = 1;
        for (int i = 0, token = 0; i < text.length(); token++) {
            int length = longestMatch(text, i);
            Entry entry = length == 0 ? null : lexicon.get(text.substring(i, i + length));
            if (entry == null && !Character.isLetterOrDigit(text.charAt(i))) {
                negatorEnd = intensifierToken = FAR;  // punctuation or space ends a clause
            } else if (entry != null && entry.kind() == Kind.NEGATOR) {
                negatorEnd = i + length;
            } else if (entry != null && entry.kind() == Kind.INTENSIFIER) {
                intensifierToken = token;
                intensifierStart = i;
                factor = entry.value();
            } else if (entry != null) {
                boolean negated = i - negatorEnd < NEGATOR_CHARS;
                // 不是很满意 negates the degree, so an adverb after the negator does not amplify.
                boolean intensified = token - intensifierToken <= INTENSIFIER_TOKENS
                        && !(negated && negatorEnd <= intensifierStart);
                // 这不是骗子是什么？ / 不满意吗？: a negation inside a question may be rhetorical; skip it.
                if (!negated || !QUESTION.matcher(text).region(i, text.length()).lookingAt()) {
                    evidence.add(weigh(entry.value(), intensified ? factor : 1, negated));
                }
                negatorEnd = intensifierToken = FAR;
            }
            i += Math.max(length, 1);
        }
    }

    private static double weigh(double signed, double factor, boolean negated) {
        double weight = signed * factor;
        if (!negated) return weight;
        return weight > 0 ? -weight : -weight * NEGATED_NEGATIVE;
    }

    private int longestMatch(String text, int from) {
        for (int length = Math.min(longestWord, text.length() - from); length > 0; length--) {
            if (lexicon.containsKey(text.substring(from, from + length))) return length;
        }
        return 0;
    }

    private static void merge(Map<String, Entry> all, Map<String, String> source, String file, Kind kind, int sign) {
        String path = "/lexicon/" + file;
        try (InputStream in = LexiconScorer.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("lexicon resource missing: " + path);
            boolean weighted = kind != Kind.NEGATOR;
            parse(file, new InputStreamReader(in, StandardCharsets.UTF_8), weighted).forEach((word, value) -> {
                String other = source.putIfAbsent(word, file);
                if (other != null) throw new IllegalStateException(file + ": '" + word + "' is already in " + other);
                all.put(word, new Entry(kind, kind == Kind.SENTIMENT ? sign * value : value));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Parses one lexicon: {@code word<TAB>number} lines when weighted, else one word per line;
     * {@code #} and blank lines are skipped. Words are lower-cased; unweighted words get 1.0.
     */
    static Map<String, Double> parse(String file, Reader reader, boolean weighted) throws IOException {
        Map<String, Double> words = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] parts = weighted ? trimmed.split("\t", -1) : new String[] {trimmed, "1"};
            String word = parts[0].strip().toLowerCase(Locale.ROOT);
            Double value = parts.length == 2 && !word.isEmpty() && word.chars().noneMatch(Character::isWhitespace)
                    ? number(parts[1].strip()) : null;
            if (value == null) {
                String expected = weighted ? "word<TAB>positive number" : "a single word";
                throw new IllegalStateException(file + ":" + number + ": expected " + expected + ", got '" + line + "'");
            }
            if (words.putIfAbsent(word, value) != null) {
                throw new IllegalStateException(file + ":" + number + ": duplicate word '" + word + "'");
            }
        }
        return words;
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) && value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
