package dev.firebreak.delivery.channels;

import dev.firebreak.delivery.AddressGuard;
import dev.firebreak.delivery.DeliveryMetrics;
import dev.firebreak.delivery.DeliveryService;
import dev.firebreak.delivery.DeliveryStore;
import dev.firebreak.delivery.Endpoint;
import dev.firebreak.delivery.RetryPolicy;
import dev.firebreak.delivery.SystemDeliveryClock;

import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.webhook.Subscriptions;
import dev.firebreak.store.DeliveryRecords;
import dev.firebreak.store.SubscriptionRecords;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery part of a running daemon, assembled: the delivery thread, the service and its
 * dispatchers (one per configured channel and per PR subscription), over the delivery and subscription stores, started
 * from what they hold.
 * Close it after the pipeline stops and before Vert.x and Redis close.
 */
public final class Deliveries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final SystemDeliveryClock clock;
    private final DeliveryService service;
    private final Subscriptions subscriptions;
    private final ChannelTools tools;
    /** The configured channels by id (the other endpoints are PR subscriptions), for a reconfiguration. */
    private final Map<String, ChannelConfig> configured = new LinkedHashMap<>();

    private Deliveries(SystemDeliveryClock clock, DeliveryService service, Subscriptions subscriptions, ChannelTools tools) {
        this.clock = clock;
        this.service = service;
        this.subscriptions = subscriptions;
        this.tools = tools;
    }

    /**
     * Receivers are made by their {@link ChannelTypes} with one Web Client they all share; a configured
     * channel of a type not listed there is skipped with a warning.
     *
     * @param links        the acknowledge links robot messages carry
     * @param channelNames the names a subscription may attach to (the rules' channels)
     */
    public static Deliveries start(Vertx vertx, DeliveryRecords deliveryRecords, SubscriptionRecords subscriptionRecords,
                                   List<ChannelConfig> channels, AckLinks links, Set<String> channelNames) {
        return start(vertx, deliveryRecords, subscriptionRecords, channels, links, channelNames, DeliveryMetrics.unregistered());
    }

    /** As above, counting every endpoint's deliveries in {@code metrics}. */
    public static Deliveries start(Vertx vertx, DeliveryRecords deliveryRecords, SubscriptionRecords subscriptionRecords,
                                   List<ChannelConfig> channels, AckLinks links, Set<String> channelNames,
                                   DeliveryMetrics metrics) {
        SystemDeliveryClock clock = new SystemDeliveryClock();
        WebClient client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setUserAgent("Firebreak-Webhooks/1"));
        ChannelTools tools = new ChannelTools(client, links, clock::now, Clock.systemUTC());
        DeliveryService service = new DeliveryService(new DeliveryStore(deliveryRecords), clock, RetryPolicy.standard(),
                AddressGuard.system(clock::now), metrics);
        Subscriptions subscriptions = new Subscriptions(subscriptionRecords, service, client, channelNames);
        Deliveries deliveries = new Deliveries(clock, service, subscriptions, tools);
        channels.forEach(deliveries::addChannel);
        subscriptions.start();
        LOG.info("delivery: {} endpoints ({} configured channels, {} subscriptions)", service.endpoints().size(),
                channels.size(), subscriptions.visibleTo(null).size());
        return deliveries;
    }

    private void addChannel(ChannelConfig c) {
        Optional<ChannelType<?>> type = ChannelTypes.named(c.type());
        if (type.isEmpty()) {
            LOG.warn("channel {}: no sender for type {} in this build; alerts for it stay on the feed", c.id(), c.type());
            return;
        }
        service.add(new Endpoint(c.id(), c.type(), c.id(), c.url(), c.secrets(), c.allowPrivate(), null,
                type.get().create(c, tools)));
        configured.put(c.id(), c);
    }

    /**
     * Applies a new list of configured channels while running (a configuration reload): a changed channel's
     * sender is replaced and keeps its queue, a new one starts, a removed one stops and its queue is dropped.
     * Subscriptions are untouched. Returns the ids of the channels added, changed or removed.
     */
    public synchronized List<String> reconfigure(List<ChannelConfig> channels) {
        List<String> touched = new ArrayList<>();
        Set<String> keep = new HashSet<>();
        for (ChannelConfig c : channels) {
            keep.add(c.id());
            if (!c.equals(configured.get(c.id()))) {
                addChannel(c);
                touched.add(c.id());
            }
        }
        for (String gone : List.copyOf(configured.keySet())) {
            if (!keep.contains(gone)) {
                service.remove(gone);
                configured.remove(gone);
                touched.add(gone);
            }
        }
        return touched;
    }

    public DeliveryService service() {
        return service;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public void close() {
        service.close();
        clock.close();
    }
}
