package dev.firebreak.daemon.pipeline;

import dev.firebreak.delivery.Notifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.core.Alert;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.StateStore;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Records an alert once under its id (atomically, in Redis) and hands a new one to the sinks. */
public final class AlertRecorder {
    private final StateStore state;
    private final AlertSink sink;
    private volatile Notifier notifier = Notifier.NONE;

    public AlertRecorder(StateStore state, AlertSink sink) {
        this.state = state;
        this.sink = sink;
    }

    /** Sets where recorded alerts go beyond the sinks (webhooks, robots); set once, before alerts flow. */
    public void notifyWith(Notifier notifier) {
        this.notifier = notifier;
    }

    /** True if the alert was new; false if an alert with its id was recorded before. Blocks on Redis. */
    public boolean record(Alert alert, long arrivalNanos) throws Exception {
        return record(alert, arrivalNanos, List.of());
    }

    /** As {@link #record(Alert, long)}, and a new alert goes to these channels (its rule's notify). */
    public boolean record(Alert alert, long arrivalNanos, List<String> channels) throws Exception {
        return publish(alert, arrivalNanos, false, channels);
    }

    /**
     * Replaces a recorded alert (same id) with this newer version and hands it to the sinks again as
     * an update: a growing story is one alert that updates, not a new alert each time. False if no
     * alert with its id was recorded.
     */
    public boolean update(Alert alert, long arrivalNanos) throws Exception {
        return update(alert, arrivalNanos, List.of());
    }

    /** As {@link #update(Alert, long)}, and the alert goes to these channels too (an escalation step's). */
    public boolean update(Alert alert, long arrivalNanos, List<String> addChannels) throws Exception {
        return publish(alert, arrivalNanos, true, addChannels);
    }

    /**
     * An escalation step taken: the alert goes on the feed again and to the step's channels, and its
     * recorded JSON says {@code "escalationLevel": level} so the feed, webhooks and robots can say it
     * was escalated (later versions leave it out again).
     */
    public boolean escalate(Alert alert, long arrivalNanos, int level, List<String> channels) throws Exception {
        ObjectNode json = FirebreakJson.mapper().valueToTree(alert);
        json.put("escalationLevel", level);
        return publish(alert, FirebreakJson.mapper().writeValueAsString(json), arrivalNanos, true, channels);
    }

    private boolean publish(Alert alert, long arrivalNanos, boolean update, List<String> channels) throws Exception {
        return publish(alert, FirebreakJson.write(alert), arrivalNanos, update, channels);
    }

    private boolean publish(Alert alert, String json, long arrivalNanos, boolean update, List<String> channels)
            throws Exception {
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
        RecordedAlert recorded = new RecordedAlert(seq.getAsLong(), json);
        sink.deliver(recorded, alert, arrivalNanos);
        notifier.notify(recorded, alert, update, channels);
        return true;
    }
}
