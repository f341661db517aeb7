package dev.firebreak.tools.train;

import dev.firebreak.analysis.model.Emotion;
import dev.firebreak.analysis.model.NgramHasher;
import dev.firebreak.analysis.model.SentimentModel;
import dev.firebreak.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains both heads from labelled texts: the sentiment head first (shuffled AdaGrad epochs), then the
 * emotion head on top of the finished sentiment logit; quantises the weights and returns the model.
 * Deterministic for a given seed, data and hyper-parameters (one thread, seeded shuffles). Progress —
 * epoch, texts/s, dev accuracy or macro-F1 of the unquantised weights — goes to {@code progress}.
 */
public final class Trainer {
    private final Hyperparameters h;
    private final NgramHasher hasher;
    private final Consumer<String> progress;
    private final Random random;
    private Progress steps = Progress.none();

    public Trainer(Hyperparameters h, long seed, Consumer<String> progress) {
        this.h = h;
        this.hasher = new NgramHasher(h.bucketBits(), h.maxNgram(), h.maxChars());
        this.progress = progress;
        this.random = new Random(seed);
    }

    /** Counts each text of each epoch on {@code bar} (whose total this sets: epochs × texts of both heads). */
    public Trainer showing(Progress bar) {
        this.steps = bar;
        return this;
    }

    public SentimentModel train(List<LabelledText> train, List<LabelledText> dev, String version) {
        Examples sentiment = new Examples();
        Examples emotion = new Examples();
        for (LabelledText t : train) {
            int[] f = hasher.buckets(t.text());
            if (t.head() == LabelledText.Head.SENTIMENT) {
                sentiment.add(f, t.target());
            } else {
                emotion.add(f, t.target());
                int polarity = DevFigures.polarity(t);
                if (h.emotionPolarity() && polarity >= 0) sentiment.add(f, polarity);
            }
        }
        List<LabelledText> sentimentDev = new ArrayList<>();
        List<LabelledText> emotionDev = new ArrayList<>();
        for (LabelledText t : dev) (t.head() == LabelledText.Head.SENTIMENT ? sentimentDev : emotionDev).add(t);
        int[][] sentimentDevFeatures = features(sentimentDev);
        int[][] emotionDevFeatures = features(emotionDev);
        progress.accept(String.format(Locale.ROOT, "training on %d sentiment and %d emotion texts (%s)",
                sentiment.size(), emotion.size(), h));
        steps.total((long) h.epochs() * (sentiment.size() + emotion.size()));

        SentimentHeadTrainer negative = new SentimentHeadTrainer(hasher.buckets(), h, sentiment.features(),
                sentiment.targets());
        for (int epoch = 1; epoch <= h.epochs() && sentiment.size() > 0; epoch++) {
            long start = System.nanoTime();
            for (int i : order(sentiment.size())) negative.step(sentiment.features[i], sentiment.targets[i], 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            steps.step(sentiment.size());
            int right = 0;
            for (int i = 0; i < sentimentDev.size(); i++) {
                if ((negative.logit(sentimentDevFeatures[i]) >= 0 ? 1 : 0) == sentimentDev.get(i).target()) right++;
            }
            progress.accept(String.format(Locale.ROOT, "sentiment epoch %d/%d: %.0f texts/s, dev accuracy %.2f%% (%d texts)",
                    epoch, h.epochs(), sentiment.size() / seconds, 100.0 * right / Math.max(1, sentimentDev.size()),
                    sentimentDev.size()));
        }

        double[] trainLogits = new double[emotion.size()];
        for (int i = 0; i < emotion.size(); i++) trainLogits[i] = negative.logit(emotion.features[i]);
        double[] classWeight = classWeights(emotion);
        EmotionHeadTrainer emotions = new EmotionHeadTrainer(hasher.buckets(), h);
        for (int epoch = 1; epoch <= h.epochs() && emotion.size() > 0; epoch++) {
            long start = System.nanoTime();
            for (int i : order(emotion.size())) {
                emotions.step(emotion.features[i], trainLogits[i], emotion.targets[i], classWeight[emotion.targets[i]]);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            steps.step(emotion.size());
            int[] predicted = new int[emotionDev.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = argmax(emotions.probabilities(emotionDevFeatures[i], negative.logit(emotionDevFeatures[i])));
            }
            progress.accept(String.format(Locale.ROOT, "emotion epoch %d/%d: %.0f texts/s, dev macro-F1 %.3f (%d texts)",
                    epoch, h.epochs(), emotion.size() / seconds,
                    predicted.length == 0 ? Double.NaN : DevFigures.macroF1(emotionDev, predicted), predicted.length));
        }
        return SentimentModel.fromWeights(version, hasher, negative.bias(), negative.weights(), emotions.bias(),
                emotions.weights(), emotions.fromNegative());
    }

    private int[][] features(List<LabelledText> texts) {
        int[][] out = new int[texts.size()][];
        for (int i = 0; i < out.length; i++) out[i] = hasher.buckets(texts.get(i).text());
        return out;
    }

    /** When balancing, sqrt(texts / (classes × texts of the class)): a softened inverse frequency; else 1. */
    private double[] classWeights(Examples emotion) {
        double[] w = new double[Emotion.count()];
        java.util.Arrays.fill(w, 1);
        if (!h.balanceEmotions() || emotion.size() == 0) return w;
        int[] count = new int[w.length];
        for (int i = 0; i < emotion.size(); i++) count[emotion.targets[i]]++;
        for (int k = 0; k < w.length; k++) w[k] = count[k] == 0 ? 1 : Math.sqrt((double) emotion.size() / (w.length * count[k]));
        return w;
    }

    private int[] order(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    /** Feature arrays and targets of one head's training texts. */
    private static final class Examples {
        private int[][] features = new int[1024][];
        private int[] targets = new int[1024];
        private int size;

        void add(int[] f, int target) {
            if (size == features.length) {
                features = java.util.Arrays.copyOf(features, size * 2);
                targets = java.util.Arrays.copyOf(targets, size * 2);
            }
            features[size] = f;
            targets[size++] = target;
        }

        int size() {
            return size;
        }

        int[][] features() {
            return java.util.Arrays.copyOf(features, size);
        }

        int[] targets() {
            return java.util.Arrays.copyOf(targets, size);
        }
    }
}
