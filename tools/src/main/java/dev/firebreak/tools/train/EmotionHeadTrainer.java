package dev.firebreak.tools.train;

import dev.firebreak.analysis.model.Emotion;

/**
 * Trains the six-way softmax emotion head by AdaGrad on the cross-entropy. With stacking, each
 * class also has a weight on the sentiment head's logit, learned alongside.
 */
final class EmotionHeadTrainer {
    private static final int K = Emotion.count();

    private final double rate;
    private final double l2;
    private final boolean stacking;
    private final float[] weights;        // [bucket * K + k]
    private final float[] squares;
    private final double[] bias = new double[K];
    private final double[] biasSquares = new double[K];
    private final double[] fromNegative = new double[K];
    private final double[] fromNegativeSquares = new double[K];

    EmotionHeadTrainer(int buckets, Hyperparameters h) {
        this.rate = h.learningRate();
        this.l2 = h.l2();
        this.stacking = h.emotionStacking();
        this.weights = new float[buckets * K];
        this.squares = new float[buckets * K];
        java.util.Arrays.fill(squares, 1e-6f);
        java.util.Arrays.fill(biasSquares, 1e-6);
        java.util.Arrays.fill(fromNegativeSquares, 1e-6);
    }

    /** The class probabilities for one text whose sentiment logit is {@code negativeLogit}. */
    double[] probabilities(int[] features, double negativeLogit) {
        double norm = SentimentHeadTrainer.norm(features);
        double[] z = new double[K];
        for (int b : features) {
            int base = b * K;
            for (int k = 0; k < K; k++) z[k] += weights[base + k];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < K; k++) {
            z[k] = bias[k] + norm * z[k] + (stacking ? fromNegative[k] * negativeLogit : 0);
            max = Math.max(max, z[k]);
        }
        double total = 0;
        for (int k = 0; k < K; k++) total += z[k] = Math.exp(z[k] - max);
        for (int k = 0; k < K; k++) z[k] /= total;
        return z;
    }

    void step(int[] features, double negativeLogit, int target, double exampleWeight) {
        double[] p = probabilities(features, negativeLogit);
        double norm = SentimentHeadTrainer.norm(features);
        for (int k = 0; k < K; k++) {
            double g = (p[k] - (k == target ? 1 : 0)) * exampleWeight;
            biasSquares[k] += g * g;
            bias[k] -= rate * g / Math.sqrt(biasSquares[k]);
            if (stacking) {
                double gs = g * negativeLogit;
                fromNegativeSquares[k] += gs * gs;
                fromNegative[k] -= rate * gs / Math.sqrt(fromNegativeSquares[k]);
            }
            double gv = g * norm;
            for (int b : features) {
                int i = b * K + k;
                double grad = gv + l2 * weights[i];
                squares[i] += (float) (grad * grad);
                weights[i] -= (float) (rate * grad / Math.sqrt(squares[i]));
            }
        }
    }

    float[] weights() {
        return weights.clone();
    }

    float[] bias() {
        return floats(bias);
    }

    float[] fromNegative() {
        return floats(fromNegative);
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (float) values[i];
        return out;
    }
}
