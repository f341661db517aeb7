package dev.firebreak.analysis.entities;

import dev.firebreak.core.Analysis.Entity;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People, places and organisations, found by Stanford CoreNLP's Chinese segmenter and NER.
 *
 * <p>Only {@code tokenize,ssplit,ner} run: the KBP Chinese CRF reads words alone, so POS tagging
 * would cost time for nothing, and SUTime, numeric and fine-grained NER are off. The small CTB
 * segmenter segments our posts as the full one does at a quarter of the memory. The brand
 * dictionary is handed to the segmenter as an extra word list, so it keeps 小红书 or a product name
 * whole. Thread-safe: one instance serves every enrichment thread.
 */
public final class CoreNlpEntities {
    public static final String VERSION = "corenlp-4.5.10";
    /** Longer texts are cut: NER cost grows with length and a post's entities come early. */
    public static final int MAX_CHARS = 1_000;
    private static final String MODELS = "edu/stanford/nlp/models/";
    private static final Pattern NOISE = Pattern.compile("(?:https?://|www\\.)\\S+|@[\\p{L}\\p{N}_\\-]+|#");
    private static final Map<String, String> TYPES = Map.of(
            "PERSON", "PERSON", "ORGANIZATION", "ORGANIZATION",
            "GPE", "LOCATION", "LOCATION", "LOCATION", "FACILITY", "LOCATION");

    private final StanfordCoreNLP pipeline;

    private CoreNlpEntities(StanfordCoreNLP pipeline) {
        this.pipeline = pipeline;
    }

    /** Loads the models from the classpath (~8 s and ~800 MB of heap here). */
    public static CoreNlpEntities load(BrandDictionary brands) throws IOException {
        // CoreNLP reads extra segmenter words from a file. Its name follows the content, so the same
        // dictionary gives the same properties and CoreNLP's own annotator cache loads models once.
        String content = String.join("\n", brands.names()) + "\n";
        Path words = Path.of(System.getProperty("java.io.tmpdir"),
                "firebreak-brands-" + Integer.toHexString(content.hashCode()) + "-" + content.length() + ".txt");
        if (!Files.exists(words) || !Files.readString(words, StandardCharsets.UTF_8).equals(content)) {
            Path partial = Files.createTempFile(words.getParent(), "firebreak-brands-", ".part");
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, words, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return new CoreNlpEntities(new StanfordCoreNLP(properties(words)));
    }

    static Properties properties(Path extraWords) {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,ner");
        p.setProperty("tokenize.language", "zh");
        p.setProperty("segment.model", MODELS + "segmenter/chinese/ctb.small.gz");
        p.setProperty("segment.sighanCorporaDict", MODELS + "segmenter/chinese");
        p.setProperty("segment.serDictionary", MODELS + "segmenter/chinese/dict-chris6.ser.gz," + extraWords);
        p.setProperty("segment.sighanPostProcessing", "true");
        p.setProperty("ssplit.boundaryTokenRegex", "[.。]|[!?！？]+");
        p.setProperty("ner.language", "chinese");
        p.setProperty("ner.model", MODELS + "ner/chinese.kbp.distsim.crf.ser.gz");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyFineGrained", "false");
        return p;
    }

    /** Entities with their character offsets in {@code text}; PERSON, LOCATION or ORGANIZATION. */
    public List<BrandDictionary.Found> find(String text) {
        String clean = blankNoise(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        List<BrandDictionary.Found> found = new ArrayList<>();
        if (clean.isBlank()) return found;
        CoreDocument doc = new CoreDocument(clean);
        pipeline.annotate(doc);
        for (CoreEntityMention m : doc.entityMentions()) {
            String type = TYPES.get(m.entityType());
            if (type != null) {
                found.add(new BrandDictionary.Found(new Entity(m.text(), type),
                        m.charOffsets().first(), m.charOffsets().second()));
            }
        }
        return found;
    }

    /**
     * URLs, @names and hashtag marks are not the author's words (and CoreNLP glues #话题# to its
     * neighbours); they become spaces of the same length, so offsets still point into the text.
     */
    static String blankNoise(String text) {
        Matcher m = NOISE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(" ".repeat(m.end() - m.start()));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
