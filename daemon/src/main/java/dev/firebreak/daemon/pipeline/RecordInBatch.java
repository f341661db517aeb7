package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertRecorder;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.store.RecordedAlert;
import java.util.Optional;

/**
 * Records alert versions in the store and leaves them on the batch for the publish stage, in the order
 * the store numbered them. {@link #recordLater} sends a version without waiting (a batch's updates go
 * out back to back, one round trip's wait for all); {@link #record} and {@link #flush} wait for those
 * sent before, so the batch's list stays in store order.
 */
final class RecordInBatch implements AlertRecorder {
    private record Sent(AlertVersion version, java.util.concurrent.CompletionStage<Optional<RecordedAlert>> stored) { }

    private final AlertPublisher publisher;
    private final Batch batch;
    private final java.util.List<Sent> sent = new java.util.ArrayList<>();

    RecordInBatch(AlertPublisher publisher, Batch batch) {
        this.publisher = publisher;
        this.batch = batch;
    }

    @Override
    public boolean record(AlertVersion version) throws Exception {
        flush();
        Optional<RecordedAlert> recorded = publisher.store(version);
        recorded.ifPresent(r -> batch.recorded.add(new Batch.Recorded(r, version)));
        return recorded.isPresent();
    }

    /** Sends the version to the store now; it is on the batch after the next {@link #flush}. */
    void recordLater(AlertVersion version) {
        sent.add(new Sent(version, publisher.storing(version)));
    }

    /** Waits for the versions sent, putting those stored on the batch in the order sent. */
    void flush() throws Exception {
        try {
            for (Sent s : sent) {
                Await.result(s.stored()).ifPresent(r -> batch.recorded.add(new Batch.Recorded(r, s.version())));
            }
        } finally {
            sent.clear();
        }
    }
}
