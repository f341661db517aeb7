package dev.firebreak.tools.train;

import java.util.Locale;

/**
 * Everything that shapes a trained model besides the data and the seed.
 *
 * @param bucketBits      hashed feature space is 2^bucketBits buckets
 * @param maxNgram        character n-grams of length 1..maxNgram
 * @param maxChars        only the first maxChars characters of a text are read
 * @param epochs          passes over the (shuffled) training data, for each head
 * @param learningRate    AdaGrad base step
 * @param l2              L2 penalty, applied to the weights an example touches
 * @param nbWeighting     scale each sentiment feature by its naive-Bayes log-count ratio (NBSVM-style)
 * @param emotionStacking the emotion head also reads the sentiment head's logit
 * @param balanceEmotions weight emotion examples inversely to their class frequency
 * @param emotionPolarity also train the sentiment head on emotion labels: happy as positive,
 *                        angry/sad/fear as negative (neutral and surprise are left out)
 */
public record Hyperparameters(int bucketBits, int maxNgram, int maxChars, int epochs, double learningRate,
                              double l2, boolean nbWeighting, boolean emotionStacking, boolean balanceEmotions,
                              boolean emotionPolarity) {

    public static Hyperparameters defaults() {
        return new Hyperparameters(20, 3, 2000, 3, 0.2, 1e-6, true, true, false, true);
    }

    public Hyperparameters withNgrams(int n) {
        return new Hyperparameters(bucketBits, n, maxChars, epochs, learningRate, l2, nbWeighting, emotionStacking,
                balanceEmotions, emotionPolarity);
    }

    public Hyperparameters withBucketBits(int bits) {
        return new Hyperparameters(bits, maxNgram, maxChars, epochs, learningRate, l2, nbWeighting, emotionStacking,
                balanceEmotions, emotionPolarity);
    }

    public Hyperparameters withEpochs(int n) {
        return new Hyperparameters(bucketBits, maxNgram, maxChars, n, learningRate, l2, nbWeighting, emotionStacking,
                balanceEmotions, emotionPolarity);
    }

    public Hyperparameters withLearningRate(double rate) {
        return new Hyperparameters(bucketBits, maxNgram, maxChars, epochs, rate, l2, nbWeighting, emotionStacking,
                balanceEmotions, emotionPolarity);
    }

    public Hyperparameters withL2(double penalty) {
        return new Hyperparameters(bucketBits, maxNgram, maxChars, epochs, learningRate, penalty, nbWeighting,
                emotionStacking, balanceEmotions, emotionPolarity);
    }

    public Hyperparameters withFlags(boolean nb, boolean stacking, boolean balance, boolean polarity) {
        return new Hyperparameters(bucketBits, maxNgram, maxChars, epochs, learningRate, l2, nb, stacking, balance,
                polarity);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "buckets 2^%d, char 1-%d-grams, first %d chars, %d epochs, AdaGrad rate %s,"
                        + " L2 %s, NB weighting %s, emotion stacking %s, balanced emotions %s, emotion polarity %s",
                bucketBits, maxNgram, maxChars, epochs, learningRate, l2, on(nbWeighting), on(emotionStacking),
                on(balanceEmotions), on(emotionPolarity));
    }

    private static String on(boolean b) {
        return b ? "on" : "off";
    }
}
