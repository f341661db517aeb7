package dev.firebreak.daemon;

import dev.firebreak.connectors.douyin.DouyinConnector;
import dev.firebreak.connectors.douyin.DouyinWebhook;
import dev.firebreak.connectors.push.PushConnector;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.analysis.AnalysisModels;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.delivery.channels.Deliveries;
import dev.firebreak.delivery.ack.AckKeyFile;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.channels.RobotReceivers;
import dev.firebreak.daemon.http.AlertFeed;
import dev.firebreak.daemon.http.HttpApi;
import dev.firebreak.daemon.pipeline.EntityEnricher;
import dev.firebreak.daemon.pipeline.Pipeline;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.daemon.runtime.ConnectorRuntime;
import dev.firebreak.daemon.runtime.OperatorAlerts;
import dev.firebreak.daemon.runtime.StoryWatchlist;
import dev.firebreak.state.redis.RedisService;
import dev.firebreak.store.StateStore;
import dev.firebreak.stories.Stories;
import dev.firebreak.daemon.alerting.AlertPublisher;
import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.daemon.alerting.AlertSubscriber;
import dev.firebreak.daemon.alerting.RuleReloader;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.ConfigError;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.model.RuleSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Firebreak: Redis, the index, the pipeline, the connectors and (optionally) the HTTP API,
 * started in order and closed in reverse. {@code run}, {@code replay}, {@code bench} and tests all use it.
 */
public final class Firebreak implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Firebreak.class);

    /** What differs between uses: serve HTTP or not, extra alert subscribers, the Redis key namespace. */
    public record Options(boolean serveHttp, List<AlertSubscriber> subscribers, Consumer<PollResult.Problem> problems,
                          String namespace) {
        public static Options daemon() {
            return new Options(true, List.of(), p -> LOG.warn("Skipped {}", p), "fb:");
        }
    }

    private final List<AutoCloseable> closeInReverse = new ArrayList<>();
    private Vertx vertx;
    private ConnectorRuntime runtime;
    private MentionIndex index;
    private StateStore state;
    private HttpApi http;
    private AnalysisModels models;
    private EntityEnricher enricher;
    private Stories stories;
    private AlertStage alerts;
    private LifecycleStore lifecycles;
    private RuleReloader reloader;
    private AckLinks ackLinks;
    private Deliveries deliveries;
    private dev.firebreak.daemon.auth.Auth auth;
    private java.nio.file.Path dataDir;
    /** How often the daemon looks for changed rule files, escalations due, and saves grouping state. */
    static final long TICK_MILLIS = 5_000;

    private Firebreak(FirebreakConfig config, Options options) throws Exception {
        try {
            open(config, options);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void open(FirebreakConfig config, Options options) throws Exception {
        Files.createDirectories(config.dataDir());
        dataDir = config.dataDir();
        closeInReverse.add(lockDataDir(config));
        RedisService redis = RedisService.start(config.redisUri(), config.dataDir().resolve("redis"));
        closeInReverse.add(redis);
        state = redis.stateStore(options.namespace());
        index = MentionIndex.open(config.dataDir().resolve("index"));
        closeInReverse.add(index);
        AnalysisConfig ac = config.analysis();
        models = AnalysisModels.load(ac.model(), ac.brands(), ac.corenlp());
        LOG.info("sentiment model {}; brand dictionary {} names; CoreNLP {}", models.scorer().modelVersion(),
                models.scorer().brands().size(), ac.corenlp() ? "loading on its own thread" : "off");
        if (ac.corenlp()) {
            enricher = new EntityEnricher(models.corenlp(), models.scorer().brands(), index,
                    ac.corenlpThreads(), ac.corenlpQueue());
            closeInReverse.add(enricher);
        }
        vertx = Vertx.vertx();
        closeInReverse.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        AlertPublisher publisher = new AlertPublisher(state);
        options.subscribers().forEach(publisher::subscribe);
        publisher.subscribe(new AlertFeed(vertx));
        // Robot messages carry signed acknowledge links; the key is kept so links already sent survive a restart.
        // With no http.publicUrl, links use the port actually bound (port 0 picks one at start).
        ackLinks = new AckLinks(AckKeyFile.loadOrCreate(config.dataDir().resolve("ack.key")),
                () -> config.publicUrlOr(httpPort()));
        AckLinks links = ackLinks;
        deliveries = Deliveries.start(vertx, redis.connection(), options.namespace(), config.alerting().channelConfigs(),
                client -> RobotReceivers.factories(client, links), RuleSets.channels(config.alerting()));
        closeInReverse.add(deliveries);   // after the pipeline stops (closed later in reverse), before Vert.x and Redis
        publisher.subscribe(AlertSubscriber.notifying(deliveries.service()));
        EntityEnricher enrich = enricher;
        stories = Stories.over(index);
        long warmStart = System.nanoTime();
        int warmed = stories.warmUp(index);
        if (warmed > 0) {
            LOG.info("stories: read back {} recent mentions in {} ms", warmed, (System.nanoTime() - warmStart) / 1_000_000);
        }
        lifecycles = redis.lifecycleStore(options.namespace());
        RuleSet rules;
        try {
            rules = RuleSets.load(config.alerting());
        } catch (RuleFileException e) {
            throw new ConfigError(e.problems());
        }
        alerts = new AlertStage(rules, publisher, lifecycles);
        alerts.restore();
        reloader = new RuleReloader(config.alerting(), alerts);
        LOG.info("rules: {} in force ({})", rules.rules().size(),
                config.alerting().rulesDir() == null ? "the built-in pack" : "built-in pack + " + config.alerting().rulesDir());
        Pipeline pipeline = Pipeline.standard(state, index, models.firstScores(), stories, alerts,
                fresh -> {
                    if (enrich != null) enrich.offer(fresh);
                });
        PipelineRunner runner = new PipelineRunner(vertx, pipeline);
        closeInReverse.add(runner);
        AlertStage stage = alerts;
        closeInReverse.add(stage::save);   // before the runner's worker closes: the grouping state survives
        long timer = vertx.setPeriodic(TICK_MILLIS, id -> runner.onWorker(() -> {
            reloader.check();
            stage.escalate(java.time.Instant.now());
            stage.remind(java.time.Instant.now());
            stage.save();
            return null;
        }).onFailure(e -> LOG.warn("rules tick failed: {}", e.toString())));
        closeInReverse.add(() -> vertx.cancelTimer(timer));
        List<Connector> connectors = connectors(config);
        runtime = new ConnectorRuntime(vertx, connectors, state, runner, options.problems(),
                new OperatorAlerts(publisher, runner), new StoryWatchlist(state, StoryWatchlist.DEFAULT_FOLLOW_FOR));
        closeInReverse.add(() -> runtime.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        if (options.serveHttp()) {
            auth = dev.firebreak.daemon.auth.Auth.open(redis.connection(), options.namespace(), config.dataDir());
            PushConnector push = connectors.stream().filter(PushConnector.class::isInstance)
                    .map(PushConnector.class::cast).findFirst().orElse(null);
            java.util.Map<String, DouyinWebhook> webhooks = new java.util.LinkedHashMap<>();
            for (int i = 0; i < connectors.size(); i++) {
                if (connectors.get(i) instanceof DouyinConnector douyin) {
                    webhooks.put(config.connectors().get(i).id(), douyin.webhook());
                }
            }
            http = new HttpApi(config.httpHost(), config.httpPort(), state, index, runner, runtime, push, webhooks,
                    new dev.firebreak.daemon.http.AnalysisStatus(models, enricher), stories.book(), alerts, reloader::problems,
                    new dev.firebreak.daemon.alerting.RuleEditor(config.alerting(), alerts, lifecycles), auth)
                    .withDeliveries(deliveries).ackLinks(ackLinks);
            try {
                await(vertx.deployVerticle(http));
            } catch (java.util.concurrent.ExecutionException e) {
                http = null;
                throw new IOException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
            LOG.info("Firebreak is serving on http://{}:{} (live feed at /, SSE at /api/alerts/stream)",
                    config.httpHost(), http.actualPort());
        }
    }

    public static Firebreak start(FirebreakConfig config, Options options) throws Exception {
        Firebreak app = new Firebreak(config, options);
        app.runtime.start();
        return app;
    }

    public ConnectorRuntime runtime() {
        return runtime;
    }

    public LifecycleStore lifecycles() {
        return lifecycles;
    }

    public MentionIndex index() {
        return index;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public StateStore state() {
        return state;
    }

    /** Makes and checks the acknowledge links of robot messages; null when HTTP is not served. */
    public AckLinks ackLinks() {
        return ackLinks;
    }

    /** Where this daemon keeps its index, its lock and (on a first start) {@code admin.token}. */
    public java.nio.file.Path dataDir() {
        return dataDir;
    }

    /** Users, roles and the audit trail (tests make users of each role through it). */
    public dev.firebreak.daemon.auth.Auth auth() {
        return auth;
    }

    /** The HTTP routes served, "METHOD /path" (empty without HTTP). */
    public java.util.SortedSet<String> httpRoutes() {
        return http == null ? new java.util.TreeSet<>() : http.routes();
    }

    public int httpPort() {
        return http == null ? -1 : http.actualPort();
    }

    private static List<Connector> connectors(FirebreakConfig config) throws ConfigException {
        List<Connector> out = new ArrayList<>();
        for (ConnectorConfig c : config.connectors()) {
            out.add(ConnectorTypes.create(c));
        }
        return out;
    }

    /** One daemon per data directory: a second one would write the same index and Redis files. */
    private static AutoCloseable lockDataDir(FirebreakConfig config) throws IOException {
        FileChannel channel = FileChannel.open(config.dataDir().resolve("firebreak.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another Firebreak is running on the data directory " + config.dataDir().toAbsolutePath());
        }
        return () -> {
            lock.release();
            channel.close();
        };
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Stops polling (the batch in flight finishes), then closes HTTP, pipeline, index, Vert.x, Redis. */
    @Override
    public void close() {
        if (http != null && http.deploymentID() != null) {
            try {
                await(vertx.undeploy(http.deploymentID()));
            } catch (Exception e) {
                LOG.warn("HTTP server did not stop cleanly: {}", e.getMessage());
            }
        }
        for (int i = closeInReverse.size() - 1; i >= 0; i--) {
            try {
                closeInReverse.get(i).close();
            } catch (Exception e) {
                LOG.warn("Shutdown step failed: {}", e.toString());
            }
        }
        closeInReverse.clear();
    }
}
