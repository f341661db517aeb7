package dev.firebreak.core;

import java.util.List;

/** A threat to take a complaint outside ({@code threat}) or a report that it was taken ({@code filed}). */
public record Escalation(String stage, List<String> channels) {
    public Escalation {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
