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
        String json = FirebreakJson.write(alert);
        OptionalLong seq;
        try {
            seq = state.recordAlert(alert.id(), json).toCompletableFuture().get(30, TimeUnit.SECONDS);
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
