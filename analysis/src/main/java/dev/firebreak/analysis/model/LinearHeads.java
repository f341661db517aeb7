package dev.firebreak.analysis.model;

/**
 * The two linear heads over hashed n-gram counts, with weights quantised to one signed byte each:
 * a logistic head for P(negative) and a six-way softmax head for the emotion, which also reads the
 * negative head's logit. Both see counts scaled by 1/sqrt(number of n-grams). Immutable once built
 * (the arrays are never handed out), so thread-safe.
 */
final class LinearHeads {
    static final int EMOTIONS = Emotion.count();

    final float negativeBias;
    final float negativeScale;
    final byte[] negative;               // [bucket]
    final float[] emotionBias;           // [emotion]
    final float emotionScale;
    final byte[] emotion;                // [bucket * EMOTIONS + emotion]
    final float[] emotionFromNegative;   // [emotion]: weight of the negative logit

    LinearHeads(float negativeBias, float negativeScale, byte[] negative,
                float[] emotionBias, float emotionScale, byte[] emotion, float[] emotionFromNegative) {
        if (emotion.length != negative.length * EMOTIONS || emotionBias.length != EMOTIONS
                || emotionFromNegative.length != EMOTIONS) {
            throw new IllegalArgumentException("head sizes do not match");
        }
        this.negativeBias = negativeBias;
        this.negativeScale = negativeScale;
        this.negative = negative;
        this.emotionBias = emotionBias;
        this.emotionScale = emotionScale;
        this.emotion = emotion;
        this.emotionFromNegative = emotionFromNegative;
    }

    /** Quantises float weights to bytes, each head with its own scale (its largest |weight| maps to 127). */
    static LinearHeads quantise(float negativeBias, float[] negative, float[] emotionBias, float[] emotion,
                                float[] emotionFromNegative) {
        float negativeScale = scale(negative);
        float emotionScale = scale(emotion);
        return new LinearHeads(negativeBias, negativeScale, bytes(negative, negativeScale),
                emotionBias.clone(), emotionScale, bytes(emotion, emotionScale), emotionFromNegative.clone());
    }

    int buckets() {
        return negative.length;
    }

    Scores score(int[] buckets) {
        int negativeSum = 0;
        int[] emotionSum = new int[EMOTIONS];
        for (int b : buckets) {
            negativeSum += negative[b];
            int base = b * EMOTIONS;
            for (int k = 0; k < EMOTIONS; k++) emotionSum[k] += emotion[base + k];
        }
        double norm = 1 / Math.sqrt(Math.max(1, buckets.length));
        double negativeLogit = negativeBias + negativeScale * norm * negativeSum;
        double[] logits = new double[EMOTIONS];
        int best = 0;
        for (int k = 0; k < EMOTIONS; k++) {
            logits[k] = emotionBias[k] + emotionScale * norm * emotionSum[k] + emotionFromNegative[k] * negativeLogit;
            if (logits[k] > logits[best]) best = k;
        }
        double total = 0;
        for (int k = 0; k < EMOTIONS; k++) total += Math.exp(logits[k] - logits[best]);
        int neutral = Emotion.NEUTRAL.ordinal();
        return new Scores(sigmoid(negativeLogit), Emotion.of(best).label(), 1 / total,
                Math.exp(logits[neutral] - logits[best]) / total);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static float scale(float[] weights) {
        float max = 0;
        for (float w : weights) max = Math.max(max, Math.abs(w));
        return max == 0 ? 1 : max / 127;
    }

    private static byte[] bytes(float[] weights, float scale) {
        byte[] out = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = (byte) Math.max(-127, Math.min(127, Math.round(weights[i] / scale)));
        }
        return out;
    }
}
