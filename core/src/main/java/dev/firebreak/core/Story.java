package dev.firebreak.core;

import java.util.List;

/** One incident: an original post with what repeats or answers it. */
public record Story(String id, String title, List<String> platforms, Figures figures) {
    public Story {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** The numbers an alert carries about its story. {@code predictedSize} is null until forecast. */
    public record Figures(long size, double velocity, Long predictedSize, long reach) { }
}
