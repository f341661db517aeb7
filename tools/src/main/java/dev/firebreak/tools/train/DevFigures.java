package dev.firebreak.tools.train;

import dev.firebreak.analysis.model.Emotion;
import dev.firebreak.analysis.model.Scores;
import dev.firebreak.analysis.model.SentimentModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's figures on held-out texts, per data set: sentiment accuracy (P(negative) ≥ 0.5 means
 * negative) for sentiment sets; emotion accuracy and macro-F1 for emotion sets, plus their polarity
 * accuracy (happy should score positive, angry/sad/fear negative) and the three-way label's accuracy
 * on those and the neutral texts ({@link Scores#label()}).
 */
public record DevFigures(String source, LabelledText.Head head, int texts, double accuracy, double macroF1,
                         int polarityTexts, double polarityAccuracy, double threeWayAccuracy) {

    public static List<DevFigures> measure(SentimentModel model, List<LabelledText> dev) {
        Map<String, List<LabelledText>> bySource = new LinkedHashMap<>();
        for (LabelledText t : dev) bySource.computeIfAbsent(t.source() + "\u0000" + t.head(), k -> new ArrayList<>()).add(t);
        List<DevFigures> out = new ArrayList<>();
        for (List<LabelledText> texts : bySource.values()) {
            int n = texts.size();
            int[] predicted = new int[n];
            double[] negative = new double[n];
            String[] label = new String[n];
            for (int i = 0; i < n; i++) {
                Scores s = model.score(texts.get(i).text());
                negative[i] = s.negative();
                label[i] = s.label();
                predicted[i] = texts.get(i).head() == LabelledText.Head.SENTIMENT
                        ? (s.negative() >= 0.5 ? 1 : 0) : Emotion.parse(s.emotion()).ordinal();
            }
            out.add(of(texts, predicted, negative, label));
        }
        return out;
    }

    /** Figures from predictions already made: {@code predicted[i]} is a target as in {@link LabelledText}. */
    static DevFigures of(List<LabelledText> texts, int[] predicted, double[] negative, String[] label) {
        LabelledText first = texts.get(0);
        int n = texts.size();
        int right = 0;
        int polarityTexts = 0;
        int polarityRight = 0;
        int threeWayTexts = 0;
        int threeWayRight = 0;
        for (int i = 0; i < n; i++) {
            LabelledText t = texts.get(i);
            if (predicted[i] == t.target()) right++;
            int polarity = polarity(t);
            if (polarity >= 0) {
                polarityTexts++;
                if ((negative[i] >= 0.5 ? 1 : 0) == polarity) polarityRight++;
            }
            boolean neutral = t.head() == LabelledText.Head.EMOTION && t.target() == Emotion.NEUTRAL.ordinal();
            if (polarity >= 0 || neutral) {
                threeWayTexts++;
                String truth = neutral ? "neutral" : polarity == 1 ? "negative" : "positive";
                if (truth.equals(label[i])) threeWayRight++;
            }
        }
        boolean emotion = first.head() == LabelledText.Head.EMOTION;
        return new DevFigures(first.source(), first.head(), n, (double) right / n,
                emotion ? macroF1(texts, predicted) : Double.NaN, emotion ? polarityTexts : 0,
                polarityTexts == 0 ? Double.NaN : (double) polarityRight / polarityTexts,
                threeWayTexts == 0 ? Double.NaN : (double) threeWayRight / threeWayTexts);
    }

    /** 1 negative, 0 positive, -1 none; for emotions happy is positive and angry, sad, fear negative. */
    static int polarity(LabelledText t) {
        if (t.head() == LabelledText.Head.SENTIMENT) return -1;
        return switch (Emotion.of(t.target())) {
            case HAPPY -> 0;
            case ANGRY, SAD, FEAR -> 1;
            default -> -1;
        };
    }

    /** Mean F1 over the classes that occur in the labels or the predictions. */
    static double macroF1(List<LabelledText> texts, int[] predicted) {
        int k = Emotion.count();
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        for (int i = 0; i < predicted.length; i++) {
            int truth = texts.get(i).target();
            if (predicted[i] == truth) tp[truth]++;
            else {
                fp[predicted[i]]++;
                fn[truth]++;
            }
        }
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            if (tp[c] + fp[c] + fn[c] == 0) continue;
            classes++;
            sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** The figures as a markdown table. */
    public static String markdown(List<DevFigures> figures) {
        StringBuilder s = new StringBuilder();
        int sentimentTexts = 0;
        double sentimentRight = 0;
        for (DevFigures f : figures) {
            if (f.head() == LabelledText.Head.SENTIMENT) {
                sentimentTexts += f.texts();
                sentimentRight += f.accuracy() * f.texts();
            }
        }
        s.append("| data set | head | dev texts | accuracy | macro-F1 | polarity accuracy (texts) | 3-way label accuracy |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (DevFigures f : figures) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %s | %s | %s |%n", f.source(),
                    f.head().name().toLowerCase(Locale.ROOT), f.texts(), 100 * f.accuracy(),
                    Double.isNaN(f.macroF1()) ? "—" : String.format(Locale.ROOT, "%.3f", f.macroF1()),
                    f.polarityTexts() == 0 ? "—"
                            : String.format(Locale.ROOT, "%.1f%% (%d)", 100 * f.polarityAccuracy(), f.polarityTexts()),
                    Double.isNaN(f.threeWayAccuracy()) ? "—"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * f.threeWayAccuracy())));
        }
        if (sentimentTexts > 0) {
            s.append(String.format(Locale.ROOT, "| all sentiment sets (pooled) | sentiment | %d | %.1f%% | — | — | — |%n",
                    sentimentTexts, 100 * sentimentRight / sentimentTexts));
        }
        return s.toString();
    }
}
