package dev.firebreak.daemon.runtime;

import java.time.Instant;

/**
 * The health of one feed, as {@code GET /api/connectors} shows it. {@code state} is one of starting,
 * polling, idle, retrying, paused (quota; see {@code pausedUntil}), needs-reauth, failed, stopped,
 * finished. Errors name the platform, path and code, never a token.
 */
public record FeedStatus(String feed, String connector, String type, String state, Instant lastSuccess,
                         String lastError, Instant pausedUntil, long mentionsFetched, long problems) { }
