package dev.firebreak.daemon.runtime;

import dev.firebreak.connect.api.PollResult;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.StateStore;
import java.util.function.Consumer;

/** What every feed loop uses: state, the pipeline, the watchlist, and where problems and operator alerts go. */
record FeedServices(StateStore state, PipelineRunner pipeline, StoryWatchlist watchlist,
                    Consumer<PollResult.Problem> problems, OperatorAlerts operators) { }
