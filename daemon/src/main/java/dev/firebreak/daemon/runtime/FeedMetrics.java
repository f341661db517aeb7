package dev.firebreak.daemon.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the connectors bring in, per connector and feed: mentions fetched (what a poll or a push
 * returned), processed (new, indexed), skipped (already processed before) and failed (a line the
 * connector could not read, or a batch the pipeline could not store: it is polled again), and each
 * feed's state as a one-of-N gauge.
 */
public final class FeedMetrics {
    /** Every state a feed loop reports ({@link FeedStatus}); one series each, 1 for the current one. */
    public static final List<String> STATES = List.of("starting", "polling", "idle", "retrying", "paused",
            "needs-reauth", "failed", "stopped", "finished");

    private final MeterRegistry registry;

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counted nowhere anyone reads (tests and tools that run feeds without a daemon). */
    public static FeedMetrics unregistered() {
        return new FeedMetrics(new SimpleMeterRegistry());
    }

    /** The counters of one feed ({@code feed} is its name within the connector: "mentions", "push"). */
    public Counts counts(String connector, String feed) {
        return new Counts(registry, Tags.of("connector", connector, "feed", feed));
    }

    /** A gauge per state for a polled feed, 1 for the state {@code state} reports now and 0 for the others. */
    public void state(String connector, String feed, Supplier<String> state) {
        for (String s : STATES) {
            Gauge.builder("firebreak.connector.state", state, now -> s.equals(now.get()) ? 1 : 0)
                    .description("1 for the state a feed is in (starting, polling, idle, retrying, paused, needs-reauth, failed, stopped, finished)")
                    .tags("connector", connector, "feed", feed, "state", s)
                    .strongReference(true)   // the supplier lives only here: a weak reference would read NaN after a GC
                    .register(registry);
        }
    }

    /** One feed's counters. */
    public static final class Counts {
        private final Counter fetched;
        private final Counter processed;
        private final Counter skipped;
        private final Counter unreadable;
        private final Counter notStored;

        Counts(MeterRegistry registry, Tags tags) {
            fetched = counter(registry, "firebreak.mentions.fetched", "mentions a poll or a push returned", tags);
            processed = counter(registry, "firebreak.mentions.processed", "new mentions scored, indexed and alerted on", tags);
            skipped = counter(registry, "firebreak.mentions.skipped", "mentions skipped as already processed", tags);
            unreadable = counter(registry, "firebreak.mentions.failed", "mentions that failed: unreadable (the connector could not read it) or pipeline (the batch could not be stored and is fetched again)",
                    tags.and("reason", "unreadable"));
            notStored = counter(registry, "firebreak.mentions.failed", "mentions that failed: unreadable (the connector could not read it) or pipeline (the batch could not be stored and is fetched again)",
                    tags.and("reason", "pipeline"));
        }

        private static Counter counter(MeterRegistry registry, String name, String description, Tags tags) {
            return Counter.builder(name).description(description).tags(tags).register(registry);
        }

        /** A poll's or a push's mentions, and the items it could not read. */
        public void fetched(int mentions, int unreadableItems) {
            fetched.increment(mentions);
            unreadable.increment(unreadableItems);
        }

        /** What the pipeline made of them. */
        public void processed(int fresh, int duplicates) {
            processed.increment(fresh);
            skipped.increment(duplicates);
        }

        /** A batch the pipeline could not store. */
        public void notStored(int mentions) {
            notStored.increment(mentions);
        }
    }
}
