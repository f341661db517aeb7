package dev.firebreak.monitor.state;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Where alerts live after they fire: each alert's lifecycle (open, acknowledged, assigned, resolved,
 * escalated) as JSON with a version, its audit trail, the set of alerts still open (for the
 * escalation timer), the alert engine's grouping state, and the history of rule changes. Every
 * transition is one atomic step, so a restart finds each alert either before or after it.
 */
public interface LifecycleStore {
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

    CompletionStage<Void> saveEngineState(String json);

    CompletionStage<Optional<String>> engineState();

    /** Appends a rule change (who, when, diff) and returns its number. */
    CompletionStage<Long> recordRuleChange(String json);

    /** The newest rule changes first. */
    CompletionStage<List<String>> ruleChanges(int limit);

    /** How many rule changes there are (the number of the newest), without reading them. */
    CompletionStage<Long> ruleChangeCount();

    /** Stores a silence under its id (replacing one with the same id). */
    CompletionStage<Void> saveSilence(String id, String json);

    CompletionStage<Boolean> deleteSilence(String id);

    CompletionStage<List<String>> silences();

    /** A stored JSON value and its version. */
    record Versioned(long version, String json) { }
}
