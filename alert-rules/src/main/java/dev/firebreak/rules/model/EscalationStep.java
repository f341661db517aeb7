package dev.firebreak.rules.model;

import java.time.Duration;
import java.util.List;

/**
 * One step of a resolved escalation policy: {@code after} counts from when the alert opened (chained
 * policies are already added up), {@code channels} are its {@code notify}, {@code level} is 1 for the first step, 2 for the next, and so on.
 */
public record EscalationStep(int level, Duration after, List<String> channels) {
    public EscalationStep {
        channels = List.copyOf(channels);
    }
}
