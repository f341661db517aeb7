package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.alerting.AlertMetrics;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertSubscriber;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.http.AlertFeed;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.delivery.ack.AckKeyFile;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.DeliveryMetrics;
import dev.firebreak.delivery.channels.Deliveries;
import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.RedisSubscriptionRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Where alerts go once recorded: the publisher and its subscribers (the caller's own, the live feed, and the delivery service (configured
 * channels, PR subscriptions, robot messages with signed acknowledge links)).
 */
public final class DeliveryComponent extends BlockingComponent {
    private final FirebreakConfig config;
    private final List<AlertSubscriber> subscribers;
    private final VertxComponent vertx;
    private final RedisComponent redis;
    private final IntSupplier httpPort;
    /** Where alerts (fired, updated, latency) and deliveries (sent, failed, dead-lettered per endpoint) are counted. */
    private final MeterRegistry meters;
    private AlertPublisher publisher;
    private AckLinks ackLinks;
    private Deliveries deliveries;

    /** @param httpPort the port HTTP bound, for acknowledge links when no http.publicUrl is configured */
    public DeliveryComponent(FirebreakConfig config, List<AlertSubscriber> subscribers, VertxComponent vertx, RedisComponent redis,
                             IntSupplier httpPort, MeterRegistry meters) {
        super("delivery");
        this.config = config;
        this.subscribers = List.copyOf(subscribers);
        this.vertx = vertx;
        this.redis = redis;
        this.httpPort = httpPort;
        this.meters = meters;
    }

    @Override
    protected void startNow() throws Exception {
        publisher = new AlertPublisher(redis.state());
        subscribers.forEach(publisher::subscribe);
        publisher.subscribe(new AlertFeed(vertx.vertx()));
        publisher.subscribe(new AlertMetrics(meters));   // after the live feed: latency up to the SSE publish
        // Robot messages carry signed acknowledge links; the key is kept so links already sent survive a restart.
        // With no http.publicUrl, links use the port actually bound (port 0 picks one at start).
        ackLinks = new AckLinks(AckKeyFile.loadOrCreate(config.dataDir().resolve("ack.key")),
                () -> config.publicUrlOr(httpPort.getAsInt()));
        deliveries = Deliveries.start(vertx.vertx(),
                new RedisDeliveryRecords(redis.redis().connection(), redis.namespace()),
                new RedisSubscriptionRecords(redis.redis().connection(), redis.namespace()),
                config.alerting().channelConfigs(), ackLinks, RuleSets.channels(config.alerting()), new DeliveryMetrics(meters));
        publisher.subscribe(AlertSubscriber.notifying(deliveries.service()));
    }

    /** After the pipeline stops, before Vert.x and Redis close. */
    @Override
    protected void stopNow() {
        deliveries.close();
    }

    /** A configuration reload: the configured channels' senders as the new configuration has them. */
    public List<String> reconfigureChannels(List<dev.firebreak.delivery.ChannelConfig> channels) {
        return deliveries.reconfigure(channels);
    }

    public AlertPublisher publisher() {
        return publisher;
    }

    public AckLinks ackLinks() {
        return ackLinks;
    }

    public Deliveries deliveries() {
        return deliveries;
    }
}
