package dev.firebreak.stories;

import dev.firebreak.stories.virality.Forecast;
import java.util.List;

/**
 * A story as the API shows it and rules read it: its signals at its latest mention (event time),
 * its forecast, its risk and its hourly series; who carried it by role, and the brand's responses
 * (earliest first; {@code brandRespondedAt} is the first one's time, or null). Immutable.
 */
public record StorySnapshot(
        String id,
        StoryState.Title title,
        List<String> platforms,
        long size,
        long originals,
        String firstAt,
        String lastAt,
        Signals signals,
        Forecast forecast,
        double risk,
        List<Hour> series,
        List<String> mentions,
        Carriers.ByRole carriers,
        List<Carriers.BrandResponse> brandResponses,
        String brandRespondedAt) {

    /**
     * Velocity is mentions per hour over the last 1, 6 and 24 hours before the latest mention;
     * acceleration is mentions in that last hour minus the hour before; reach is the followers of
     * everyone who carried it (each author once).
     */
    public record Signals(double velocity1h, double velocity6h, double velocity24h,
                          double engagementPerHour1h, double engagementPerHour24h, long acceleration,
                          long reach, long engagement, List<StoryState.Carrier> kols,
                          List<StoryState.Carrier> mediaOrGovernment, double negativeShare,
                          Escalations escalations) { }

    /** Posts in the story that threaten or report going to an authority, and which authorities. */
    public record Escalations(long threats, long filed, List<String> channels) { }

    /** One hour of the series: its start (ISO-8601), mentions and engagement that arrived in it. */
    public record Hour(String hour, long mentions, long engagement) { }
}
