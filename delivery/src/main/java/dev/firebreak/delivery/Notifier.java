package dev.firebreak.delivery;

import dev.firebreak.core.Alert;
import dev.firebreak.store.RecordedAlert;
import java.util.List;

/**
 * Where a recorded alert goes beyond the feed: webhooks and group robots, by channel. Called after
 * the alert is stored, on the pipeline's worker; an implementation must not block for long (it
 * queues, it does not send).
 */
@FunctionalInterface
public interface Notifier {
    Notifier NONE = (recorded, alert, followUp, newChannels) -> { };

    /**
     * @param followUp    false for a new alert; true for a newer version of one already recorded (the
     *                    story grew, it was escalated, acknowledged or resolved), which goes as a
     *                    follow-up to every channel that already has the alert
     * @param newChannels channels newly due: a rule's {@code notify} when it fires, an escalation
     *                    step's channels when it is taken; empty for other updates
     */
    void notify(RecordedAlert recorded, Alert alert, boolean followUp, List<String> newChannels);
}
