package dev.firebreak.tools.train;

/**
 * Trains the logistic P(negative) head by AdaGrad on the log loss. With naive-Bayes weighting each
 * bucket's count is first scaled by its log-count ratio r = log((p/|p|)/(q/|q|)), p and q being
 * (1 + the number of negative / positive texts containing the bucket); {@link #weights()} folds r in,
 * so the scorer needs no ratio table.
 */
final class SentimentHeadTrainer {
    private final double rate;
    private final double l2;
    private final float[] weights;
    private final float[] squares;
    private final float[] ratio;     // null without NB weighting
    private double bias;
    private double biasSquares = 1e-6;

    SentimentHeadTrainer(int buckets, Hyperparameters h, int[][] features, int[] targets) {
        this.rate = h.learningRate();
        this.l2 = h.l2();
        this.weights = new float[buckets];
        this.squares = new float[buckets];
        java.util.Arrays.fill(squares, 1e-6f);
        this.ratio = h.nbWeighting() ? ratios(buckets, features, targets) : null;
    }

    private static float[] ratios(int buckets, int[][] features, int[] targets) {
        float[] negative = new float[buckets];
        float[] positive = new float[buckets];
        java.util.Arrays.fill(negative, 1);
        java.util.Arrays.fill(positive, 1);
        int[] seen = new int[buckets];
        for (int i = 0; i < features.length; i++) {
            float[] counts = targets[i] == 1 ? negative : positive;
            for (int b : features[i]) {
                if (seen[b] != i + 1) {      // presence, not count
                    seen[b] = i + 1;
                    counts[b]++;
                }
            }
        }
        double negativeTotal = 0;
        double positiveTotal = 0;
        for (int b = 0; b < buckets; b++) {
            negativeTotal += negative[b];
            positiveTotal += positive[b];
        }
        float[] r = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            r[b] = (float) Math.log((negative[b] / negativeTotal) / (positive[b] / positiveTotal));
        }
        return r;
    }

    double logit(int[] features) {
        double norm = norm(features);
        double z = 0;
        for (int b : features) z += weights[b] * (ratio == null ? 1 : ratio[b]);
        return bias + norm * z;
    }

    /** One AdaGrad step on one text; target 1 = negative. */
    void step(int[] features, int target, double exampleWeight) {
        double g = (sigmoid(logit(features)) - target) * exampleWeight;
        double norm = norm(features);
        biasSquares += g * g;
        bias -= rate * g / Math.sqrt(biasSquares);
        for (int b : features) {
            double v = norm * (ratio == null ? 1 : ratio[b]);
            double grad = g * v + l2 * weights[b];
            squares[b] += (float) (grad * grad);
            weights[b] -= (float) (rate * grad / Math.sqrt(squares[b]));
        }
    }

    /** The weights with the NB ratios folded in: the scorer's weight for a raw count. */
    float[] weights() {
        float[] out = weights.clone();
        if (ratio != null) {
            for (int b = 0; b < out.length; b++) out[b] *= ratio[b];
        }
        return out;
    }

    float bias() {
        return (float) bias;
    }

    /** The scorer's logistic function (LinearHeads in analysis), in the same overflow-safe form. */
    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double norm(int[] features) {
        return 1 / Math.sqrt(Math.max(1, features.length));
    }
}
