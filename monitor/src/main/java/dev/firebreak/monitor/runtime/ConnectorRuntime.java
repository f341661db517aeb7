package dev.firebreak.monitor.runtime;

import dev.firebreak.connectors.spi.Connector;
import dev.firebreak.connectors.spi.Feed;
import dev.firebreak.connectors.spi.PollResult;
import dev.firebreak.monitor.pipeline.PipelineRunner;
import dev.firebreak.monitor.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Owns the feeds of every configured connector: one {@link FeedLoop} each, and their cursors. */
public final class ConnectorRuntime {
    private final List<FeedLoop> loops = new ArrayList<>();

    public ConnectorRuntime(Vertx vertx, List<Connector> connectors, StateStore state, PipelineRunner pipeline,
                            Consumer<PollResult.Problem> problems) {
        for (Connector connector : connectors) {
            for (Feed feed : connector.feeds()) {
                loops.add(new FeedLoop(vertx, feed, connector.type(), connector.task(feed, vertx), state, pipeline,
                        problems));
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
