package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.auth.Auth;
import dev.firebreak.daemon.backup.BackupRoutes;
import dev.firebreak.daemon.backup.OnlineBackup;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.daemon.http.AckRoutes;
import dev.firebreak.daemon.http.AlertFeedRoutes;
import dev.firebreak.daemon.http.AlertRoutes;
import dev.firebreak.daemon.http.AnalysisStatus;
import dev.firebreak.daemon.http.ConnectorRoutes;
import dev.firebreak.daemon.http.ConsoleFiles;
import dev.firebreak.daemon.http.DeliveryRoutes;
import dev.firebreak.daemon.http.HealthMetrics;
import dev.firebreak.daemon.http.HttpApi;
import dev.firebreak.daemon.http.IngestRoute;
import dev.firebreak.daemon.http.LifecycleBatchRoute;
import dev.firebreak.daemon.http.MentionSearchRoutes;
import dev.firebreak.daemon.http.MetricsRoutes;
import dev.firebreak.daemon.web.RouteGroup;
import dev.firebreak.daemon.http.RuleRoutes;
import dev.firebreak.daemon.http.StatusRoutes;
import dev.firebreak.daemon.http.StoryMentionsRoute;
import dev.firebreak.daemon.http.StoryRoutes;
import dev.firebreak.daemon.http.SubscriptionRoutes;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.delivery.channels.Deliveries;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.store.StateStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API and the console: users and roles, then every feature's route group, on one server. */
public final class HttpComponent extends BlockingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpComponent.class);
    private final FirebreakConfig config;
    private final Parts parts;
    /** The registry {@code GET /metrics} shows (Vert.x reports the HTTP server's own series to it). */
    private final MetricsComponent metrics;
    private Auth auth;
    private HttpApi http;
    private String deployment;

    /** The components whose features are served. */
    public record Parts(VertxComponent vertx, RedisComponent redis, IndexComponent index, AnalysisComponent analysis,
                        StoriesComponent stories, AlertingComponent alerting, PipelineComponent pipeline,
                        DeliveryComponent delivery, ConnectorsComponent connectors, ServiceClocksComponent clocks) { }

    public HttpComponent(FirebreakConfig config, Parts parts, MetricsComponent metrics) {
        super("http");
        this.config = config;
        this.parts = parts;
        this.metrics = metrics;
    }

    @Override
    protected void startNow() throws Exception {
        auth = Auth.open(parts.redis().redis().connection(), parts.redis().namespace(), config.dataDir(),
                config.publicUrl());
        http = new HttpApi(config.httpHost(), config.httpPort(), auth, groups());
        try {
            deployment = parts.vertx().vertx().deployVerticle(http).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            http = null;
            throw new IOException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        LOG.info("Firebreak is serving on http://{}:{} (live feed at /, SSE at /api/alerts/stream)",
                config.httpHost(), http.actualPort());
    }

    /** Every feature's routes, in the order they are mounted. */
    private List<RouteGroup> groups() {
        Vertx vertx = parts.vertx().vertx();
        StateStore state = parts.redis().state();
        MentionIndex index = parts.index().index();
        PipelineRunner runner = parts.pipeline().runner();
        var alerts = parts.alerting().alerts();
        Deliveries deliveries = parts.delivery().deliveries();
        return List.of(
                new StatusRoutes(vertx, parts.redis().redis()::problem, indexHealth(),
                        new AnalysisStatus(parts.analysis().models(), parts.analysis().enricher())),
                new BackupRoutes(vertx, new OnlineBackup(runner, index, parts.redis().redis(), parts.redis().namespace())),
                new StoryMentionsRoute(vertx, index),
                new StoryRoutes(vertx, parts.stories().stories().book()),
                new LifecycleBatchRoute(runner, alerts),
                new AlertRoutes(vertx, runner, alerts, index, parts.alerting().reloader()::problems),
                new RuleRoutes(runner, parts.alerting().editor()),
                new AckRoutes(vertx, runner, alerts, state, parts.delivery().ackLinks()),
                new AlertFeedRoutes(vertx, state, new dev.firebreak.daemon.serviceclock.FeedClocks(parts.clocks().clocks())),
                new dev.firebreak.daemon.http.ServiceClockRoutes(runner, parts.clocks().clocks(), parts.clocks().replies()),
                new dev.firebreak.daemon.register.RegisterRoutes(vertx,
                        new dev.firebreak.daemon.register.Register(index, parts.clocks().clocks(), parts.redis().lifecycles())),
                new MentionSearchRoutes(vertx, index),
                new ConnectorRoutes(parts.connectors().runtime(), parts.connectors().webhooks(), state, runner),
                new IngestRoute(parts.connectors().push().orElse(null), runner, parts.connectors().pushCounts()),
                new MetricsRoutes(metrics.prometheus(), new HealthMetrics(vertx, state, index, metrics.registry())),
                new ConsoleFiles(),
                new DeliveryRoutes(vertx, deliveries.service()),
                new SubscriptionRoutes(vertx, deliveries.subscriptions()));
    }

    private StatusRoutes.IndexHealth indexHealth() {
        IndexComponent index = parts.index();
        return new StatusRoutes.IndexHealth() {
            @Override
            public java.util.Optional<String> problem() throws Exception {
                return index.problem();
            }

            @Override
            public void acknowledgeLoss() {
                index.acknowledgeLoss();
            }
        };
    }

    @Override
    protected void stopNow() throws Exception {
        if (deployment != null) {
            parts.vertx().vertx().undeploy(deployment).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    /** Null until started. */
    public Auth auth() {
        return auth;
    }

    /** The port bound, or -1 before HTTP is up. */
    public int port() {
        return http == null || deployment == null ? -1 : http.actualPort();
    }

    public HttpApi api() {
        return http;
    }
}
