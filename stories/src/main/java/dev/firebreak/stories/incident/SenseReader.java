package dev.firebreak.stories.incident;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CoreSynonymDictionary;
import com.hankcs.hanlp.dictionary.common.CommonSynonymDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a post's {@link Senses} with HanLP: its segmenter splits the text into words, its thesaurus
 * (同义词词林扩展, in HanLP's jar) gives each word's synonym set, and its core dictionary's word
 * frequencies say how rare a word is. Product and brand names are taken out first (they are how a post
 * is found, not what it says), as are the words a category lexicon knows (暖风机: every post of the
 * product says it). Only content words count — nouns, verbs, adjectives, idioms — and only those rarer
 * than {@link #MIN_WEIGHT} (使用, 孩子, 今天 say nothing of a fault). Immutable; HanLP's segmenter and
 * dictionaries are shared and read-only, so thread-safe.
 */
public final class SenseReader {
    /** Words less rare than this (−ln of their share of the core dictionary's count) are left out. */
    static final double MIN_WEIGHT = 6.0;
    static final int MAX_SENSES = 32;
    static final int MAX_CHARS = 400;
    /** A word the thesaurus lacks is its own sense; this bit keeps its id apart from the thesaurus' ids. */
    private static final long OWN_WORD = 1L << 62;
    private static final String CONTENT = "nvaliz";

    /**
     * HanLP's Viterbi segmenter without its name, place and organisation recognition and its custom
     * dictionary: names are not senses (and the brand's are taken out first); it is about 2× faster so.
     */
    private static final Segment SEGMENT = HanLP.newSegment()
            .enableNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false)
            .enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false).enableCustomDictionary(false);

    private final FaultLexicon categories;
    private final double commonest;

    public SenseReader(FaultLexicon categories) {
        this.categories = categories;
        this.commonest = Math.max(1, CoreDictionary.getTermFrequency("的"));
    }

    /** {@code names}: the product and brand names the post was found to name (taken out of its text). */
    public Senses read(String text, Collection<String> names) {
        if (text == null || text.isBlank()) return Senses.NONE;
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        for (String name : names) t = t.replace(name, " ");
        Map<Long, Float> senses = new TreeMap<>();
        for (Term term : SEGMENT.seg(t)) {
            String word = term.word;
            String pos = term.nature == null ? "" : term.nature.toString();
            if (pos.isEmpty() || CONTENT.indexOf(pos.charAt(0)) < 0 || pos.startsWith("nr") || pos.startsWith("ns")) continue;
            if (word.length() < 2 && pos.charAt(0) == 'n') continue;
            if (!word.codePoints().allMatch(Character::isIdeographic) || categories.find(word) != 0) continue;
            double weight = Math.log(commonest / (CoreDictionary.getTermFrequency(word) + 1.0));
            if (weight < MIN_WEIGHT) continue;
            CommonSynonymDictionary.SynonymItem item = CoreSynonymDictionary.get(word);
            long id = item == null ? OWN_WORD | (word.hashCode() & 0xffffffffL) : item.entry.id;
            senses.merge(id, (float) weight, Math::max);
            if (senses.size() == MAX_SENSES) break;
        }
        long[] ids = new long[senses.size()];
        float[] weights = new float[senses.size()];
        int i = 0;
        for (var e : senses.entrySet()) {
            ids[i] = e.getKey();
            weights[i++] = e.getValue();
        }
        return new Senses(ids, weights);
    }
}
