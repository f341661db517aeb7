package dev.firebreak.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The feed counters and the one-of-N state gauge, on a registry of their own. */
class FeedMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedMetrics metrics = new FeedMetrics(registry);

    private double counter(String name, String... tags) {
        return registry.get(name).tags("connector", "weibo-main", "feed", "mentions").tags(tags).counter().count();
    }

    @Test
    void countsWhatAFeedFetchedProcessedSkippedAndFailed() {
        FeedMetrics.Counts counts = metrics.counts("weibo-main", "mentions");
        counts.fetched(5, 1);
        counts.processed(3, 2);
        counts.notStored(5);
        assertEquals(5, counter("firebreak.mentions.fetched"));
        assertEquals(3, counter("firebreak.mentions.processed"));
        assertEquals(2, counter("firebreak.mentions.skipped"));
        assertEquals(1, counter("firebreak.mentions.failed", "reason", "unreadable"));
        assertEquals(5, counter("firebreak.mentions.failed", "reason", "pipeline"));
        metrics.counts("weibo-main", "mentions").fetched(1, 0);
        assertEquals(6, counter("firebreak.mentions.fetched"), "the same feed's counters, asked for again");
    }

    @Test
    void theStateGaugeIsOneForTheCurrentStateAndZeroForTheOthers() {
        AtomicReference<String> state = new AtomicReference<>("polling");
        metrics.state("weibo-main", "mentions", state::get);
        System.gc();   // the gauge holds its supplier strongly: it still reads after a collection
        assertEquals(1, gauge("polling"));
        assertEquals(0, gauge("paused"));
        state.set("paused");
        assertEquals(0, gauge("polling"));
        assertEquals(1, gauge("paused"));
        assertEquals(FeedMetrics.STATES.size(), registry.get("firebreak.connector.state").gauges().size());
    }

    private double gauge(String state) {
        return registry.get("firebreak.connector.state").tags("feed", "mentions", "state", state).gauge().value();
    }
}
