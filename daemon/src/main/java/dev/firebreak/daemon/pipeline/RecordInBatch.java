package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertRecorder;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.store.RecordedAlert;
import java.util.Optional;

/** Records alert versions in the store now and leaves them on the batch for the publish stage. */
final class RecordInBatch implements AlertRecorder {
    private final AlertPublisher publisher;
    private final Batch batch;

    RecordInBatch(AlertPublisher publisher, Batch batch) {
        this.publisher = publisher;
        this.batch = batch;
    }

    @Override
    public boolean record(AlertVersion version) throws Exception {
        Optional<RecordedAlert> recorded = publisher.store(version);
        recorded.ifPresent(r -> batch.recorded.add(new Batch.Recorded(r, version)));
        return recorded.isPresent();
    }
}
