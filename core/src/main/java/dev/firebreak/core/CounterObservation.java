package dev.firebreak.core;

import java.time.OffsetDateTime;

/**
 * A mention's engagement counters as seen at one moment: the time series that follows a story's
 * spread after the mention itself was first fetched. {@code observedAt} is when the platform was asked.
 */
public record CounterObservation(String mentionKey, OffsetDateTime observedAt, Metrics metrics) { }
