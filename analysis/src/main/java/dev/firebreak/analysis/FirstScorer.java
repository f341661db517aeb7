package dev.firebreak.analysis;

import dev.firebreak.core.Analysis;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.Sentiment;
import dev.firebreak.analysis.complaint.ComplaintClassifier;
import dev.firebreak.analysis.entities.BrandDictionary;
import dev.firebreak.analysis.entities.EntityMerge;
import dev.firebreak.analysis.escalation.EscalationDetector;
import dev.firebreak.analysis.model.Scores;
import dev.firebreak.analysis.model.SentimentModel;
import java.util.List;

/**
 * A mention's first score, in well under a millisecond: the trained model (sentiment and emotion),
 * the escalation detector, the complaint types and the brand dictionary's entities. Alerts are
 * decided on it; CoreNLP's people, places and organisations follow later (see {@code EntityEnricher}).
 * Immutable, so thread-safe.
 */
public final class FirstScorer implements Analyser {
    /** Threatening or reporting a complaint to an authority is negative, whatever the wording. */
    static final double ESCALATION_FLOOR = 0.8;

    private final SentimentModel model;
    private final EscalationDetector escalation;
    private final ComplaintClassifier complaints;
    private final BrandDictionary brands;

    public FirstScorer(SentimentModel model, EscalationDetector escalation, ComplaintClassifier complaints,
                       BrandDictionary brands) {
        this.model = model;
        this.escalation = escalation;
        this.complaints = complaints;
        this.brands = brands;
    }

    /** The bundled model and lexicons with the given brand dictionary. */
    public static FirstScorer load(SentimentModel model, BrandDictionary brands) {
        return new FirstScorer(model, EscalationDetector.load(), ComplaintClassifier.load(), brands);
    }

    public BrandDictionary brands() {
        return brands;
    }

    public String modelVersion() {
        return model.version();
    }

    @Override
    public Analysis analyse(String text) {
        Scores scores = model.score(text);
        Escalation esc = escalation.detect(text);
        double negative = scores.negativeOverall();
        Sentiment label = Sentiment.valueOf(scores.label().toUpperCase(java.util.Locale.ROOT));
        if (esc != null) {
            negative = Math.max(negative, ESCALATION_FLOOR);
            label = Sentiment.NEGATIVE;
        }
        return new Analysis(label, negative, scores.emotion(), complaints.classify(text), esc,
                EntityMerge.merge(brands.find(text), List.of()), model.version());
    }
}
