package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One incident: an original post with what repeats or answers it. */
public record Story(String id, String title, List<String> platforms, Figures figures) {
    public Story {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /**
     * The numbers an alert carries about its story. {@code predictedSize} is null until forecast;
     * {@code brandRespondedAt} (ISO-8601) is when the brand's own account first posted in the incident,
     * null (and left out of the JSON) until it has.
     */
    public record Figures(long size, double velocity, Long predictedSize, long reach,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String brandRespondedAt) {
        public Figures(long size, double velocity, Long predictedSize, long reach) {
            this(size, velocity, predictedSize, reach, null);
        }
    }
}
