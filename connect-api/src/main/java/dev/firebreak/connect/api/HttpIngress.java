package dev.firebreak.connect.api;

import java.util.Optional;

/**
 * A capability a {@link Connector} may also implement: it is reached over HTTP as well as (or instead
 * of) polling. The daemon serves what it declares, without knowing the connector's type:
 * {@code POST /api/connectors/{id}/webhook} for a {@link #webhook()}, {@code POST /api/ingest} for a
 * {@link #push()}. No Vert.x Web types: the daemon owns the routes, the connector owns what a call means.
 */
public interface HttpIngress {
    /** Bodies larger than this are refused when a connector sets no limit of its own. */
    int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    /** Calls the platform pushes to this connector (signed events), or empty. */
    default Optional<WebhookReceiver> webhook() {
        return Optional.empty();
    }

    /** Batches of mentions posted by other tools, or empty. */
    default Optional<PushIngest> push() {
        return Optional.empty();
    }
}
