package dev.firebreak.monitor.pipeline;

import dev.firebreak.core.Alert;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.monitor.state.RecordedAlert;
import dev.firebreak.monitor.state.StateStore;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Records an alert once under its id (atomically, in Redis) and hands a new one to the sinks. */
public final class AlertRecorder {
    private final StateStore state;
    private final AlertSink sink;

    public AlertRecorder(StateStore state, AlertSink sink) {
        this.state = state;
        this.sink = sink;
    }

    /** True if the alert was new; false if an alert with its id was recorded before. Blocks on Redis. */
    public boolean record(Alert alert, long arrivalNanos) throws Exception {
        return publish(alert, arrivalNanos, false);
    }

    /**
     * Replaces a recorded alert (same id) with this newer version and hands it to the sinks again as
     * an update: a growing story is one alert that updates, not a new alert each time. False if no
     * alert with its id was recorded.
     */
    public boolean update(Alert alert, long arrivalNanos) throws Exception {
        return publish(alert, arrivalNanos, true);
    }

    private boolean publish(Alert alert, long arrivalNanos, boolean update) throws Exception {
        String json = FirebreakJson.write(alert);
        OptionalLong seq;
        try {
            var stage = update ? state.updateAlert(alert.id(), json) : state.recordAlert(alert.id(), json);
            seq = stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (seq.isEmpty()) {
            return false;
        }
        sink.deliver(new RecordedAlert(seq.getAsLong(), json), alert, arrivalNanos);
        return true;
    }
}
