package dev.firebreak.analysis.model;

/**
 * What the model says about one text. {@code negative} is the sentiment head's P(negative) between
 * negative and positive only; {@code emotion} is one of neutral, happy, angry, sad, fear, surprise,
 * {@code emotionConfidence} its softmax probability, and {@code neutral} the emotion head's
 * probability of neutral (the sentiment head, trained on positive and negative texts only, has no
 * neutral class).
 */
public record Scores(double negative, String emotion, double emotionConfidence, double neutral) {
    /** A text with no letter, digit or known emoticon (empty, "...", "🍔"): neutral, whatever the priors say. */
    public static final Scores NOTHING_TO_READ = new Scores(0.5, "neutral", 1, 1);
    /**
     * P(negative) once a text may be neutral: the sentiment head's answer damped by the emotion head's
     * P(neutral). The square root was chosen on the dev split of the SMP2020 Weibo sets: it keeps most
     * of the negative posts above 0.6 while neutral questions and news fall below it.
     */
    public double negativeOverall() {
        return negative * Math.sqrt(1 - neutral);
    }

    public double positiveOverall() {
        return (1 - negative) * Math.sqrt(1 - neutral);
    }

    /** negative, neutral or positive: whichever is most probable. */
    public String label() {
        double neg = negativeOverall();
        double pos = positiveOverall();
        double neu = 1 - neg - pos;
        if (neg >= pos && neg >= neu) return "negative";
        return pos >= neu ? "positive" : "neutral";
    }
}
