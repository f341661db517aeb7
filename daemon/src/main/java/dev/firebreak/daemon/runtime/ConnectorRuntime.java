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
import java.util.function.Consumer;

/**
 * Owns the feeds of every configured connector: one {@link FeedLoop} each, their cursors, and one
 * {@link AccountState} per connector, so a paused or revoked account stops all its feeds and no other.
 */
public final class ConnectorRuntime {
    private final List<FeedLoop> loops = new ArrayList<>();

    public ConnectorRuntime(Vertx vertx, List<Connector> connectors, StateStore state, PipelineRunner pipeline,
                            Consumer<PollResult.Problem> problems, OperatorAlerts operators, StoryWatchlist watchlist) {
        this(vertx, connectors, state, pipeline, problems, operators, watchlist, FeedMetrics.unregistered());
    }

    public ConnectorRuntime(Vertx vertx, List<Connector> connectors, StateStore state, PipelineRunner pipeline,
                            Consumer<PollResult.Problem> problems, OperatorAlerts operators, StoryWatchlist watchlist,
                            FeedMetrics metrics) {
        FeedServices services = new FeedServices(state, pipeline, watchlist, problems, operators, metrics);
        TaskContext context = new TaskContext(vertx, watchlist);
        for (Connector connector : connectors) {
            AccountState account = new AccountState();
            for (Feed feed : connector.feeds()) {
                loops.add(new FeedLoop(vertx, feed, connector.type(), connector.task(feed, context), services, account));
            }
        }
    }

    public void start() {
        loops.forEach(FeedLoop::start);
    }

    /** Completes when every feed has reached its end (never, for a live platform feed). */
    public Future<Void> allFinished() {
        return Future.all(loops.stream().map(FeedLoop::finished).toList()).mapEmpty();
    }

    public Future<Void> stop() {
        return Future.all(loops.stream().map(FeedLoop::stop).toList()).mapEmpty();
    }

    public List<FeedStatus> status() {
        return loops.stream().map(FeedLoop::status).toList();
    }
}
