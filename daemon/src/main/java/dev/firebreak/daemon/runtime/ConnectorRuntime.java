package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.Connector;
import dev.firebreak.connect.api.Feed;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.TaskContext;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Owns the feeds of every configured connector: one {@link FeedLoop} each, their cursors, and one
 * {@link AccountState} per connector, so a paused or revoked account stops all its feeds and no other.
 */
public final class ConnectorRuntime {
    private final Vertx vertx;
    private final FeedServices services;
    private final TaskContext context;
    private final List<FeedLoop> loops = new CopyOnWriteArrayList<>();
    /** Each connector's loops and account, by connector id, so one connector can be replaced while running. */
    private final Map<String, List<FeedLoop>> loopsOf = new ConcurrentHashMap<>();
    private final Map<String, AccountState> accounts = new ConcurrentHashMap<>();
    private volatile boolean started;

    public ConnectorRuntime(Vertx vertx, List<Connector> connectors, StateStore state, PipelineRunner pipeline,
                            Consumer<PollResult.Problem> problems, OperatorAlerts operators, StoryWatchlist watchlist) {
        this(vertx, connectors, state, pipeline, problems, operators, watchlist, FeedMetrics.unregistered());
    }

    public ConnectorRuntime(Vertx vertx, List<Connector> connectors, StateStore state, PipelineRunner pipeline,
                            Consumer<PollResult.Problem> problems, OperatorAlerts operators, StoryWatchlist watchlist,
                            FeedMetrics metrics) {
        this.vertx = vertx;
        this.services = new FeedServices(state, pipeline, watchlist, problems, operators, metrics);
        this.context = new TaskContext(vertx, watchlist);
        for (Connector connector : connectors) {
            AccountState account = new AccountState();
            List<FeedLoop> own = new ArrayList<>();
            for (Feed feed : connector.feeds()) {
                FeedLoop loop = new FeedLoop(vertx, feed, connector.type(), connector.task(feed, context), services, account);
                own.add(loop);
                accounts.putIfAbsent(feed.connectorId(), account);
                loopsOf.computeIfAbsent(feed.connectorId(), id -> new ArrayList<>()).add(loop);
            }
            loops.addAll(own);
        }
    }

    public void start() {
        started = true;
        loops.forEach(FeedLoop::start);
    }

    /**
     * Replaces a running connector by one made from its new settings (a configuration reload): its feeds
     * stop (the batch in flight finishes, the cursor is saved), then the new feeds start from the saved
     * cursors. The account's pause or stop carries over. Completes once the new feeds are started.
     */
    public Future<Void> replace(String connectorId, Connector connector) {
        List<FeedLoop> old = loopsOf.getOrDefault(connectorId, List.of());
        return Future.all(old.stream().map(FeedLoop::stop).toList()).map(stopped -> {
            AccountState account = accounts.computeIfAbsent(connectorId, id -> new AccountState());
            List<FeedLoop> fresh = new ArrayList<>();
            for (Feed feed : connector.feeds()) {
                fresh.add(new FeedLoop(vertx, feed, connector.type(), connector.task(feed, context), services, account));
            }
            loops.removeAll(old);
            loops.addAll(fresh);
            loopsOf.put(connectorId, fresh);
            if (started) {
                fresh.forEach(FeedLoop::start);
            }
            return null;
        });
    }

    /** Completes when every feed has reached its end (never, for a live platform feed). */
    public Future<Void> allFinished() {
        return Future.all(loops.stream().map(FeedLoop::finished).toList()).mapEmpty();
    }

    public Future<Void> stop() {
        started = false;
        return Future.all(loops.stream().map(FeedLoop::stop).toList()).mapEmpty();
    }

    public List<FeedStatus> status() {
        return loops.stream().map(FeedLoop::status).toList();
    }
}
