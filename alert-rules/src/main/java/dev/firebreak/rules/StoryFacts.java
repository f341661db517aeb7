package dev.firebreak.rules;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Story;

/**
 * What the rules may know about a mention's story at the mention's event time, as {@code story.*}
 * conditions read it.
 *
 * @param size              mentions in the story so far
 * @param velocity1h        mentions per hour over the last hour
 * @param acceleration      mentions in the last hour minus mentions in the hour before
 * @param reach             followers of everyone who carried it (each author once)
 * @param kols              authors with at least 100,000 followers who carried it
 * @param mediaOrGovernment verified media or government accounts that carried it
 * @param predictedFinal    the forecast final size, or NaN when there is no forecast (every comparison with it is then false)
 * @param negativeShare     share of its mentions read as negative, 0..1
 * @param threats           posts threatening to take it to an authority
 * @param filed             posts saying it was taken to one
 * @param brandRespondedAt  when the brand's own account first posted in it (ISO-8601), or null
 */
public record StoryFacts(long size, double velocity1h, double acceleration, long reach, long kols,
                         long mediaOrGovernment, double predictedFinal, double negativeShare, long threats, long filed,
                         String brandRespondedAt) {

    public StoryFacts(long size, double velocity1h, double acceleration, long reach, long kols,
                      long mediaOrGovernment, double predictedFinal, double negativeShare, long threats, long filed) {
        this(size, velocity1h, acceleration, reach, kols, mediaOrGovernment, predictedFinal, negativeShare, threats, filed, null);
    }

    /** What a mention on its own says: a story of one, carried by its author. */
    public static StoryFacts single(ScoredMention m) {
        long followers = m.mention().author() == null ? 0 : m.mention().author().followers();
        boolean negative = m.analysis() != null && m.analysis().label() == dev.firebreak.core.Sentiment.NEGATIVE;
        var esc = m.analysis() == null ? null : m.analysis().escalation();
        return new StoryFacts(1, 1, 1, followers, followers >= 100_000 ? 1 : 0,
                m.mention().author() != null && m.mention().author().mediaOrGovernment() ? 1 : 0,
                Double.NaN, negative ? 1 : 0,
                esc != null && "threat".equals(esc.stage()) ? 1 : 0, esc != null && "filed".equals(esc.stage()) ? 1 : 0);
    }

    /** The figures an alert carries. */
    public Story.Figures figures() {
        return new Story.Figures(size, velocity1h, Double.isNaN(predictedFinal) ? null : Math.round(predictedFinal), reach,
                brandRespondedAt);
    }
}
