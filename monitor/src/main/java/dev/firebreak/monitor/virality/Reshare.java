package dev.firebreak.monitor.virality;

/** Placeholder until the virality branch lands. */
public record Reshare(long offsetSeconds, long followers) { }
