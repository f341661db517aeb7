package dev.firebreak.daemon.wiring;

import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.HttpIngress;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PushIngest;
import dev.firebreak.connect.api.WebhookReceiver;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.daemon.runtime.ConnectorRuntime;
import dev.firebreak.daemon.runtime.FeedMetrics;
import dev.firebreak.daemon.runtime.OperatorAlerts;
import dev.firebreak.daemon.runtime.StoryWatchlist;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The configured connectors (made by their types, found with ServiceLoader) and the runtime that
 * polls their feeds. Polling itself begins with {@link #polling()}, the last component, once HTTP is up.
 * What a connector serves over HTTP it declares with {@link HttpIngress}.
 */
public final class ConnectorsComponent extends BlockingComponent {
    private final List<ConnectorConfig> configs;
    private final Consumer<PollResult.Problem> problems;
    private final VertxComponent vertx;
    private final RedisComponent redis;
    private final PipelineComponent pipeline;
    private final DeliveryComponent delivery;
    /** Where the feeds count mentions and report their state. */
    private final MeterRegistry meters;
    private final List<Connector> connectors = new ArrayList<>();
    private ConnectorRuntime runtime;

    public ConnectorsComponent(List<ConnectorConfig> configs, Consumer<PollResult.Problem> problems, VertxComponent vertx,
                               RedisComponent redis, PipelineComponent pipeline, DeliveryComponent delivery,
                               MeterRegistry meters) {
        super("connectors");
        this.configs = new ArrayList<>(configs);
        this.problems = problems;
        this.vertx = vertx;
        this.redis = redis;
        this.pipeline = pipeline;
        this.delivery = delivery;
        this.meters = meters;
    }

    @Override
    protected void startNow() throws Exception {
        for (ConnectorConfig c : configs) {
            connectors.add(ConnectorTypes.create(c));
        }
        runtime = new ConnectorRuntime(vertx.vertx(), connectors, redis.state(), pipeline.runner(), problems,
                new OperatorAlerts(delivery.publisher(), pipeline.runner()), new StoryWatchlist(redis.state(), StoryWatchlist.DEFAULT_FOLLOW_FOR),
                new FeedMetrics(meters));
    }

    /**
     * Whether a connector's settings can change while running: polled connectors can (their feeds restart
     * from their cursors); one serving HTTP (push, webhooks) is mounted at start and needs a restart.
     */
    public synchronized boolean changesLive(String connectorId) {
        int i = indexOf(connectorId);
        return i >= 0 && ingress(connectors.get(i)).isEmpty();
    }

    /** Applies a connector's new settings while running: its feeds stop and start again from their cursors. */
    public synchronized void reconfigure(ConnectorConfig next) throws Exception {
        int i = indexOf(next.id());
        if (i < 0 || !changesLive(next.id())) {
            throw new IllegalArgumentException("connector \"" + next.id() + "\" cannot change while running");
        }
        Connector made = ConnectorTypes.create(next);
        runtime.replace(next.id(), made).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        connectors.set(i, made);
        configs.set(i, next);
    }

    private int indexOf(String connectorId) {
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i).id().equals(connectorId)) return i;
        }
        return -1;
    }

    /** The counters of mentions pushed to the connector {@link #push()} finds (its id, feed "push"). */
    public FeedMetrics.Counts pushCounts() {
        for (int i = 0; i < connectors.size(); i++) {
            if (ingress(connectors.get(i)).flatMap(HttpIngress::push).isPresent()) {
                return new FeedMetrics(meters).counts(configs.get(i).id(), "push");
            }
        }
        return FeedMetrics.unregistered().counts("none", "push");
    }

    public ConnectorRuntime runtime() {
        return runtime;
    }

    /** The webhook receivers by connector id, of the connectors that declare one. */
    public Map<String, WebhookReceiver> webhooks() {
        Map<String, WebhookReceiver> out = new LinkedHashMap<>();
        for (int i = 0; i < connectors.size(); i++) {
            String id = configs.get(i).id();
            ingress(connectors.get(i)).flatMap(HttpIngress::webhook).ifPresent(w -> out.put(id, w));
        }
        return out;
    }

    /** The first connector that takes pushed mentions, if any. */
    public Optional<PushIngest> push() {
        return connectors.stream().map(ConnectorsComponent::ingress).flatMap(Optional::stream)
                .map(HttpIngress::push).flatMap(Optional::stream).findFirst();
    }

    /**
     * The last component: starts the feed loops once everything they feed is up, and is the first to stop:
     * polling stops and the batch in flight finishes before HTTP, the pipeline or Redis close.
     */
    public BlockingComponent polling() {
        return new BlockingComponent("polling") {
            @Override
            protected void startNow() {
                runtime.start();
            }

            @Override
            protected void stopNow() throws Exception {
                runtime.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        };
    }

    /** The optional HTTP capability of the SPI: the one place a connector's extra interfaces are looked at. */
    private static Optional<HttpIngress> ingress(Connector c) {
        return c instanceof HttpIngress h ? Optional.of(h) : Optional.empty();
    }
}
