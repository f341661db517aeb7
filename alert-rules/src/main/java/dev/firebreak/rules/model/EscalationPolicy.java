package dev.firebreak.rules.model;

import java.util.List;

/**
 * Who to tell, and when, while an alert stays unacknowledged: a named policy from {@code escalations:}
 * or a rule's own list ({@code name} is then {@code rule:<id>}). Steps are flattened (a step that
 * says {@code escalate: other} is replaced by the other policy's steps, shifted by its {@code after}).
 */
public record EscalationPolicy(String name, List<EscalationStep> steps) {
    public EscalationPolicy {
        steps = List.copyOf(steps);
    }
}
