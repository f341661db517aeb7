package dev.firebreak.daemon.alerting;

import dev.firebreak.delivery.Notifier;
import dev.firebreak.store.RecordedAlert;

/**
 * Hears of every alert version the {@link AlertPublisher} recorded: the live feed, delivery, a
 * replay's output file, a benchmark. Called on the pipeline's worker; it must not block for long.
 */
@FunctionalInterface
public interface AlertSubscriber {
    void published(RecordedAlert recorded, AlertVersion version);

    /** Delivery (webhooks, group robots) as a subscriber. */
    static AlertSubscriber notifying(Notifier notifier) {
        return (recorded, version) -> notifier.notify(recorded, version.alert(), version.followUp(), version.newChannels());
    }
}
