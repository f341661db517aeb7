package dev.firebreak.analysis.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Firebreak's trained sentiment and emotion model: hashed character n-grams into two linear heads
 * (see {@code analysis/MODEL_CARD.md}). Immutable and thread-safe; {@link #score} allocates only a few
 * small arrays per call and never throws.
 */
public final class SentimentModel {
    /** Where the committed model is on the classpath. */
    public static final String RESOURCE = "/model/firebreak-sentiment.bin";

    private final String version;
    private final NgramHasher hasher;
    private final LinearHeads heads;

    SentimentModel(String version, NgramHasher hasher, LinearHeads heads) {
        if (hasher.buckets() != heads.buckets()) throw new IllegalArgumentException("hasher and heads disagree on buckets");
        this.version = version;
        this.hasher = hasher;
        this.heads = heads;
    }

    /**
     * A model from trained float weights (the trainer's output), quantised to bytes as the model file
     * stores them: {@code negative[bucket]}, {@code emotion[bucket * 6 + emotion]} and each emotion's
     * weight on the negative logit.
     */
    public static SentimentModel fromWeights(String version, NgramHasher hasher, float negativeBias, float[] negative,
                                             float[] emotionBias, float[] emotion, float[] emotionFromNegative) {
        return new SentimentModel(version, hasher,
                LinearHeads.quantise(negativeBias, negative, emotionBias, emotion, emotionFromNegative));
    }

    /** The committed model, from the classpath resource {@value #RESOURCE}. */
    public static SentimentModel load() {
        try (InputStream in = SentimentModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ModelFormatException("classpath:" + RESOURCE, "not found on the classpath");
            return ModelFile.read(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new ModelFormatException("classpath:" + RESOURCE, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** A model written by {@code firebreak train}; a missing, corrupt or wrong-version file fails with its name. */
    public static SentimentModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelFile.read(in, file.toString());
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), "cannot be read: " + e, e);
        }
    }

    /** Writes this model in the format {@link #load(Path)} reads. */
    public void save(Path file) {
        try {
            ModelFile.write(this, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file, e);
        }
    }

    /** Scores one text; null, empty, emoji-only and very long texts are all fine (only the first chars count). */
    public Scores score(String text) {
        int[] buckets = hasher.buckets(text == null ? "" : text);
        return buckets.length == 0 ? Scores.NOTHING_TO_READ : heads.score(buckets);
    }

    /** The model's name, e.g. {@code firebreak-sentiment-2026-11-23}; store it with each scored mention. */
    public String version() {
        return version;
    }

    NgramHasher hasher() {
        return hasher;
    }

    LinearHeads heads() {
        return heads;
    }
}
