package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.Alert;
import dev.firebreak.store.RecordedAlert;

/** Where a newly recorded alert goes next: the live feed, a replay's output file, a benchmark. */
@FunctionalInterface
public interface AlertSink {
    void deliver(RecordedAlert recorded, Alert alert, long arrivalNanos);
}
