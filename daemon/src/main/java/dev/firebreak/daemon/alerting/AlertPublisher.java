package dev.firebreak.daemon.alerting;

import dev.firebreak.store.AlertFeed;
import dev.firebreak.store.RecordedAlert;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one way out for alerts: records each alert version under its id (atomically, in the store) and
 * fans every recorded version out to its subscribers, in the order they subscribed. A new alert is
 * recorded once; an update replaces the recorded alert. Blocking: call it on the pipeline's worker.
 */
public final class AlertPublisher implements AlertRecorder {
    private final AlertFeed feed;
    private final List<AlertSubscriber> subscribers = new CopyOnWriteArrayList<>();

    public AlertPublisher(AlertFeed feed) {
        this.feed = feed;
    }

    /** Subscribe before alerts flow: a version recorded earlier is not sent again. */
    public void subscribe(AlertSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public boolean record(AlertVersion version) throws Exception {
        Optional<RecordedAlert> recorded = store(version);
        recorded.ifPresent(r -> fanOut(r, version));
        return recorded.isPresent();
    }

    /**
     * Records a version without publishing it (the pipeline publishes later in the batch). Empty for
     * a new alert whose id was recorded before, or an update of an alert never recorded.
     */
    public Optional<RecordedAlert> store(AlertVersion version) throws Exception {
        return Await.result(storing(version));
    }

    /** As {@link #store}, without waiting: versions stored one after another keep their order (one connection). */
    public java.util.concurrent.CompletionStage<Optional<RecordedAlert>> storing(AlertVersion version) {
        String id = version.alert().id();
        String json = version.json();
        return (version.followUp() ? feed.updateAlert(id, json) : feed.recordAlert(id, json))
                .thenApply(seq -> seq.isEmpty() ? Optional.<RecordedAlert>empty() : Optional.of(new RecordedAlert(seq.getAsLong(), json)));
    }

    /** Tells every subscriber of a recorded version. */
    public void fanOut(RecordedAlert recorded, AlertVersion version) {
        for (AlertSubscriber s : subscribers) {
            s.published(recorded, version);
        }
    }
}
