package dev.firebreak.tools.train;

import dev.firebreak.analysis.model.Emotion;
/**
 * One labelled line of a training file. {@code source} names its data set (the file name without
 * {@code _train.csv} / {@code .csv}), {@code line} is where the record starts. For the sentiment head
 * {@code target} is 1 for negative and 0 for positive (the head predicts P(negative)); for the
 * emotion head it is the {@link Emotion} ordinal.
 */
public record LabelledText(String source, int line, String text, Head head, int target) {
    /** Which head a label trains. */
    public enum Head { SENTIMENT, EMOTION }

    public static final String LABELS = "0, 1, negative, positive, neutral, happy, angry, sad, fear or surprise";

    /** A parsed label: the head it trains and its target, or null if it is not a label. */
    static LabelledText of(String source, int line, String label, String text) {
        String l = label.strip();
        switch (l) {
            case "0", "negative" -> {
                return new LabelledText(source, line, text, Head.SENTIMENT, 1);
            }
            case "1", "positive" -> {
                return new LabelledText(source, line, text, Head.SENTIMENT, 0);
            }
            default -> {
                Emotion e = Emotion.parse(l);
                return e == null ? null : new LabelledText(source, line, text, Head.EMOTION, e.ordinal());
            }
        }
    }

    boolean isNegative() {
        return head == Head.SENTIMENT && target == 1;
    }
}
