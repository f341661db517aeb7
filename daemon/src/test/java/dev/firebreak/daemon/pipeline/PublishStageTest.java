package dev.firebreak.daemon.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.Severity;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertVersion;
import dev.firebreak.store.RecordedAlert;
import dev.firebreak.store.memory.InMemoryStateStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishStageTest {
    private static final Alert ALERT = new Alert("a1", "neg", "1", Severity.P2, "s1",
            OffsetDateTime.parse("2026-11-20T10:00:00+08:00"), "negative", List.of(), null, AlertStatus.FIRING);

    @Test
    void everyRecordedVersionGoesToTheSubscribersInOrder() {
        AlertPublisher publisher = new AlertPublisher(new InMemoryStateStore());
        List<String> heard = new ArrayList<>();
        publisher.subscribe((r, v) -> heard.add(r.seq() + ":" + v.alert().id() + ":" + v.followUp()));
        Batch batch = new Batch(List.of(), 0);
        AlertVersion fired = AlertVersion.fired(ALERT, List.of("agents"), 0);
        AlertVersion update = AlertVersion.update(ALERT, 0);
        batch.recorded.add(new Batch.Recorded(new RecordedAlert(1, fired.json()), fired));
        batch.recorded.add(new Batch.Recorded(new RecordedAlert(2, update.json()), update));
        new PublishStage(publisher).apply(batch);
        assertEquals(List.of("1:a1:false", "2:a1:true"), heard);
    }
}
