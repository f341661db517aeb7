package dev.firebreak.daemon.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.rules.engine.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A viral story matches on every mention; the feed hears of it when it matters: a worse rule raised
 * it (or any rule joined it), the story grew by a quarter since the feed last heard, or five minutes (event time) passed.
 * Updates held back are kept (the latest of each alert) until {@link #flush}. The engine's alert is
 * always current; only the feed is spared. Used on the pipeline's worker only.
 */
public final class UpdateThrottle {
    private static final Duration PUBLISH_EVERY = Duration.ofMinutes(5);
    private static final int REMEMBERED = 100_000;

    private final Map<String, Published> published = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Published> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<String, Alert> pending = new LinkedHashMap<>();

    private record Published(long size, Instant at) { }

    /** A new alert went on the feed at event time {@code at}. */
    public void fired(Alert alert, Instant at) {
        published.put(alert.id(), new Published(size(alert), at));
    }

    /**
     * The update to publish now (with a status), or empty when it is held back: then it waits, as the
     * latest version of its alert, for a later update or {@link #flush}.
     */
    public java.util.Optional<Alert> admit(Decision update, Instant at) {
        return admit(update.alert(), update.raised(), at);
    }

    /** As {@link #admit(Decision, Instant)}; {@code urgent}: a rule joined or raised it, publish now. */
    public java.util.Optional<Alert> admit(Alert update, boolean urgent, Instant at) {
        Alert alert = withStatus(update);
        if (worthPublishing(alert, urgent, at)) {
            pending.remove(alert.id());
            return java.util.Optional.of(alert);
        }
        pending.put(alert.id(), alert);
        return java.util.Optional.empty();
    }

    /** Puts the latest version of every alert whose last updates were held back. */
    public void flush(AlertRecorder out) throws Exception {
        for (Alert a : List.copyOf(pending.values())) {
            out.record(AlertVersion.update(a, System.nanoTime()));
            Published last = published.get(a.id());
            published.put(a.id(), new Published(size(a), last != null ? last.at() : Instant.MIN));
        }
        pending.clear();
    }

    /**
     * A person's step put a newer version of the alert on the feed (from the engine's current alert):
     * the update held back is older and must not follow it.
     */
    public void forget(String alertId) {
        pending.remove(alertId);
    }

    /** How many updates are held back. */
    public int held() {
        return pending.size();
    }

    private boolean worthPublishing(Alert a, boolean urgent, Instant at) {
        long size = size(a);
        Published last = published.get(a.id());
        if (last != null && !urgent && size < last.size() * 5 / 4 && at.isBefore(last.at().plus(PUBLISH_EVERY))) {
            return false;
        }
        published.put(a.id(), new Published(size, at));
        return true;
    }

    private static long size(Alert a) {
        return a.story() == null ? 0 : a.story().size();
    }

    private static Alert withStatus(Alert a) {
        return a.status() == null ? a.withStatus(AlertStatus.FIRING, a.handling()) : a;
    }
}
