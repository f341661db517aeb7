package dev.firebreak.monitor.runtime;

import java.time.Instant;

/** The health of one feed, as {@code GET /api/connectors} shows it. */
public record FeedStatus(String feed, String type, String state, Instant lastSuccess, String lastError,
                         long mentionsFetched, long problems) { }
