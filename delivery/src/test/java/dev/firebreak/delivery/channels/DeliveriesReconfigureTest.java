package dev.firebreak.delivery.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.store.memory.InMemoryDeliveryRecords;
import dev.firebreak.store.memory.InMemorySubscriptionRecords;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A configuration reload changes the configured channels' senders: changed replaced, new added, removed stopped. */
class DeliveriesReconfigureTest {
    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void reconfigureReplacesChangedAddsNewAndRemovesGoneChannelsOnly() {
        Deliveries d = Deliveries.start(vertx, new InMemoryDeliveryRecords(), new InMemorySubscriptionRecords(),
                List.of(webhook("ops", "https://ops.example.com/a"), webhook("pr", "https://pr.example.com/a")),
                new AckLinks(new byte[32], "http://localhost:8080"), Set.of("ops", "pr", "audit"));
        try {
            assertEquals(List.of(), d.reconfigure(List.of(webhook("ops", "https://ops.example.com/a"),
                    webhook("pr", "https://pr.example.com/a"))), "nothing changed, nothing touched");
            List<String> touched = d.reconfigure(List.of(webhook("ops", "https://ops.example.com/b"),
                    webhook("audit", "https://audit.example.com/a")));
            assertEquals(new TreeSet<>(List.of("ops", "audit", "pr")), new TreeSet<>(touched));
            assertEquals(Set.of("ops", "audit"), d.service().endpoints().keySet());
            assertEquals("https://ops.example.com/b", d.service().endpoints().get("ops").url());
        } finally {
            d.close();
        }
    }

    private static ChannelConfig webhook(String id, String url) {
        return new ChannelConfig(id, "webhook", url, List.of(SECRET), List.of(), Integer.MAX_VALUE, false);
    }
}
