package dev.firebreak.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Each alert's lifecycle with a version, its audit trail, and the set of alerts still open. */
public interface Lifecycles {
    /**
     * Replaces an alert's lifecycle if its stored version is {@code expectedVersion} (0: none yet),
     * appends the audit entry, and adds it to or removes it from the open set. False when another
     * transition got there first: read it again and retry.
     */
    CompletionStage<Boolean> transition(String alertId, long expectedVersion, String lifecycleJson, String auditJson,
                                        boolean open);

    /** The lifecycle JSON and its version, if the alert has one. */
    CompletionStage<Optional<Versioned>> lifecycle(String alertId);

    CompletionStage<List<String>> audit(String alertId);

    CompletionStage<Set<String>> openAlerts();

    /** A stored JSON value and its version. */
    record Versioned(long version, String json) { }
}
