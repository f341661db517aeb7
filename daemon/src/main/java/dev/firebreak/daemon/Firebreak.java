package dev.firebreak.daemon;

import dev.firebreak.connect.api.PollResult;
import dev.firebreak.core.EventClock;
import dev.firebreak.daemon.auth.Auth;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.lifecycle.Component;
import dev.firebreak.daemon.lifecycle.ComponentStartException;
import dev.firebreak.daemon.lifecycle.Components;
import dev.firebreak.daemon.alerting.AlertSubscriber;
import dev.firebreak.daemon.runtime.ConnectorRuntime;
import dev.firebreak.daemon.wiring.AlertingComponent;
import dev.firebreak.daemon.wiring.AnalysisComponent;
import dev.firebreak.daemon.wiring.ConnectorsComponent;
import dev.firebreak.daemon.wiring.DataDirLock;
import dev.firebreak.daemon.wiring.DeliveryComponent;
import dev.firebreak.daemon.wiring.HttpComponent;
import dev.firebreak.daemon.wiring.IndexComponent;
import dev.firebreak.daemon.wiring.MetricsComponent;
import dev.firebreak.daemon.wiring.LiveReload;
import dev.firebreak.daemon.wiring.PipelineComponent;
import dev.firebreak.daemon.wiring.RedisComponent;
import dev.firebreak.daemon.wiring.ServiceClocksComponent;
import dev.firebreak.daemon.wiring.StoriesComponent;
import dev.firebreak.daemon.wiring.VertxComponent;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.channels.Deliveries;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.store.StateStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Firebreak: its components in the order they start (and, reversed, stop): the meter
 * registry, the data directory lock, Redis, the index, the models, Vert.x, delivery, stories, alerting, the service
 * clocks (and the brand's accounts), the pipeline, the
 * connectors, HTTP (optionally) and last the polling. {@code run}, {@code replay}, {@code bench} and tests all use it.
 */
public final class Firebreak implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Firebreak.class);

    /**
     * What differs between uses: serve HTTP or not, extra alert sinks, the Redis key namespace, and
     * whether risk and escalation run on event time (a replay, a benchmark) or on the wall clock (live,
     * the default): see {@link EventClock}.
     */
    public record Options(boolean serveHttp, List<AlertSubscriber> subscribers, Consumer<PollResult.Problem> problems,
                          String namespace, boolean eventTime) {
        /** Live: on the wall clock. */
        public Options(boolean serveHttp, List<AlertSubscriber> subscribers, Consumer<PollResult.Problem> problems,
                       String namespace) {
            this(serveHttp, subscribers, problems, namespace, false);
        }

        /** The same, on event time: a replay of a file. */
        public Options inEventTime() {
            return new Options(serveHttp, subscribers, problems, namespace, true);
        }

        public static Options daemon() {
            return new Options(true, List.of(), p -> LOG.warn("Skipped {}", p), "fb:");
        }
    }

    private final Path dataDir;
    private final MetricsComponent metrics = new MetricsComponent();
    private final MeterRegistry meters = metrics.registry();
    private final RedisComponent redis;
    private final IndexComponent index;
    private final DeliveryComponent delivery;
    private final ConnectorsComponent connectors;
    private final HttpComponent http;
    private final ServiceClocksComponent clocks;
    private final PipelineComponent pipeline;
    private final Components components;
    private final LiveReload reload;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Firebreak(FirebreakConfig config, Options options) {
        dataDir = config.dataDir();
        redis = new RedisComponent(config.redisUri(), dataDir.resolve("redis"), options.namespace());
        index = new IndexComponent(dataDir.resolve("index"), redis);
        AnalysisComponent analysis = new AnalysisComponent(config.analysis(), index);
        VertxComponent vertx = new VertxComponent(meters);
        delivery = new DeliveryComponent(config, options.subscribers(), vertx, redis, this::httpPort, meters);
        // One clock for the story book's risk, the escalation timers and the service clocks.
        EventClock clock = options.eventTime() ? EventClock.eventTime() : EventClock.wall();
        StoriesComponent stories = new StoriesComponent(index, clock, config.brand());
        AlertingComponent alerting = new AlertingComponent(config.alerting(), delivery, redis, clock);
        clocks = new ServiceClocksComponent(config.brand(), config.serviceClocks(), redis, alerting);
        pipeline = new PipelineComponent(vertx, redis, index, analysis, stories, alerting, meters, clocks);
        connectors = new ConnectorsComponent(config.connectors(), options.problems(), vertx, redis, pipeline, delivery, meters);
        http = options.serveHttp() ? new HttpComponent(config, new HttpComponent.Parts(vertx, redis, index, analysis,
                stories, alerting, pipeline, delivery, connectors, clocks), metrics) : null;
        List<Component> order = new ArrayList<>(List.of(metrics, new DataDirLock(dataDir), redis, index, analysis, vertx,
                delivery, stories, alerting, clocks, pipeline, connectors));
        if (http != null) {
            order.add(http);
        }
        order.add(connectors.polling());
        components = new Components(order);
        reload = new LiveReload(config, alerting, delivery, pipeline, connectors);
    }

    /** Starts every component; on a failure the ones started are stopped and the failure's cause is thrown. */
    public static Firebreak start(FirebreakConfig config, Options options) throws Exception {
        Firebreak app = new Firebreak(config, options);
        try {
            app.components.start().toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw startFailure(e.getCause());
        }
        return app;
    }

    /** What stopped the start, as the component threw it (a {@code ConfigError}, an {@code IOException}...). */
    private static Exception startFailure(Throwable failure) {
        Throwable cause = failure instanceof ComponentStartException c ? c.getCause() : failure;
        LOG.warn("{}", failure.getMessage());
        if (cause instanceof Error e) {
            throw e;
        }
        return cause instanceof Exception e ? e : new IllegalStateException(cause);
    }

    public ConnectorRuntime runtime() {
        return connectors.runtime();
    }

    public LifecycleStore lifecycles() {
        return redis.lifecycles();
    }

    /** Every story alert's service clocks (acknowledge, first reply, supervisor). */
    public dev.firebreak.daemon.serviceclock.ServiceClocks serviceClocks() {
        return clocks.clocks();
    }

    /** The pipeline's runner (its worker and group commit), for tests and tools. */
    public dev.firebreak.daemon.pipeline.PipelineRunner pipeline() {
        return pipeline.runner();
    }

    public MentionIndex index() {
        return index.index();
    }

    public Deliveries deliveries() {
        return delivery.deliveries();
    }

    public StateStore state() {
        return redis.state();
    }

    /** Makes and checks the acknowledge links of robot messages. */
    public AckLinks ackLinks() {
        return delivery.ackLinks();
    }

    /** The one meter registry the components report to (Prometheus; {@code GET /metrics} shows it). */
    public MeterRegistry meters() {
        return meters;
    }

    /** Where this daemon keeps its index, its lock and (on a first start) {@code admin.token}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Users, roles and the audit trail (tests make users of each role through it); null without HTTP. */
    public Auth auth() {
        return http == null ? null : http.auth();
    }

    /** The HTTP routes served, "METHOD /path" (empty without HTTP). */
    public SortedSet<String> httpRoutes() {
        return http == null || http.api() == null ? new TreeSet<>() : http.api().routes();
    }

    /** The summary each HTTP route declares, by "METHOD /path" (empty without HTTP). */
    public SortedMap<String, String> httpSummaries() {
        return http == null || http.api() == null ? new TreeMap<>() : http.api().summaries();
    }

    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /**
     * Applies a re-read configuration while running (SIGHUP): rules, channels and polled connectors' settings
     * change live; every other changed key is logged as needing a restart. Throws a {@code ConfigError}, with
     * nothing changed, when the new rules do not check.
     */
    public LiveReload.Outcome reload(FirebreakConfig next) throws Exception {
        return reload.apply(next);
    }

    /**
     * Stops polling (the batch in flight finishes), HTTP, the pipeline (drained: its last writes land),
     * delivery, Vert.x, the models, the index, and Redis last; logs {@code stopped in N ms}. Once only.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        long start = System.nanoTime();
        try {
            components.stop().toCompletionStage().toCompletableFuture().get(3, TimeUnit.MINUTES);
            LOG.info("Firebreak stopped in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            LOG.warn("Firebreak stopped in {} ms, not cleanly: {}", (System.nanoTime() - start) / 1_000_000,
                    e.getCause() == null ? e.toString() : e.getCause().getMessage());
        }
    }
}
