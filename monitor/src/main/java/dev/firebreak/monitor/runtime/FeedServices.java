package dev.firebreak.monitor.runtime;

import dev.firebreak.connectors.spi.PollResult;
import dev.firebreak.monitor.pipeline.PipelineRunner;
import dev.firebreak.monitor.state.StateStore;
import java.util.function.Consumer;

/** What every feed loop uses: state, the pipeline, the watchlist, and where problems and operator alerts go. */
record FeedServices(StateStore state, PipelineRunner pipeline, StoryWatchlist watchlist,
                    Consumer<PollResult.Problem> problems, OperatorAlerts operators) { }
