package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.PollResult;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.StateStore;
import java.util.function.Consumer;

/** What every feed loop uses: state, the pipeline, the watchlist, where problems and operator alerts go, its metrics. */
record FeedServices(StateStore state, PipelineRunner pipeline, StoryWatchlist watchlist,
                    Consumer<PollResult.Problem> problems, OperatorAlerts operators, FeedMetrics metrics) {
    /** Counting to no registry anyone reads. */
    FeedServices(StateStore state, PipelineRunner pipeline, StoryWatchlist watchlist, Consumer<PollResult.Problem> problems,
                 OperatorAlerts operators) {
        this(state, pipeline, watchlist, problems, operators, FeedMetrics.unregistered());
    }
}
