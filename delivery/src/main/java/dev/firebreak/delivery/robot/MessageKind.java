package dev.firebreak.delivery.robot;

import dev.firebreak.core.AlertStatus;

/**
 * What a robot message says of its alert, from the alert's status and whether the endpoint already
 * has it (the delivery's follow-up flag): a new alert, an update of one the group saw (the story grew,
 * someone acknowledged it), an escalation, or its resolution.
 */
public enum MessageKind {
    NEW("【新告警】"), UPDATE("【更新】"), ESCALATED("【升级】"), RESOLVED("【已解决】");

    private final String label;

    MessageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MessageKind of(AlertView view, boolean followUp) {
        if (view.status() == AlertStatus.RESOLVED) return RESOLVED;
        if (view.status() == AlertStatus.FIRING && view.escalationLevel() > 0) return ESCALATED;
        return followUp ? UPDATE : NEW;
    }
}
