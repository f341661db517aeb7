package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.AlertPublisher;

/** Sends every alert version the batch recorded to the publisher's subscribers, in the order recorded. */
public final class PublishStage implements Stage {
    private final AlertPublisher publisher;

    public PublishStage(AlertPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public void apply(Batch batch) {
        for (Batch.Recorded r : batch.recorded) {
            publisher.fanOut(r.recorded(), r.version());
        }
    }
}
