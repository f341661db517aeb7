package dev.firebreak.monitor.virality;

/** Placeholder until the virality branch lands. */
public record Forecast(int observed, double predictedFinal, double low, double high, Double secondsToFinal, String model) { }
