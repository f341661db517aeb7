package dev.firebreak.store;

/**
 * Where alerts live after they fire: each alert's lifecycle (open, acknowledged, assigned, resolved,
 * escalated) as JSON with a version, its audit trail, the set of alerts still open (for the
 * escalation timer), the alert engine's grouping state, and the history of rule changes. Every
 * transition is one atomic step, so a restart finds each alert either before or after it.
 */
public interface LifecycleStore extends Lifecycles, EngineStateStore, RuleChanges, SilenceStore {
}
