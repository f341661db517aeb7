package dev.firebreak.stories.virality;

/**
 * A story's forecast final size: its size {@code horizon} (24 h) after the root, root included.
 *
 * @param observed       size so far: the root plus the reshares seen up to the observation time
 * @param predictedFinal forecast final size, never below {@code observed}
 * @param low            10th percentile of the final size (≥ observed, ≤ predictedFinal)
 * @param high           90th percentile of the final size (≥ predictedFinal)
 * @param secondsToFinal seconds from the observation time until the story is expected to reach 90 % of
 *                       {@code predictedFinal} (0 if it already has); null if it cannot say
 * @param model          the parameters' name
 */
public record Forecast(int observed, double predictedFinal, double low, double high, Double secondsToFinal, String model) { }
