package dev.firebreak.store;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The alert engine's grouping state (open groups, cooldowns), saved after each batch. */
public interface EngineStateStore {

    CompletionStage<Void> saveEngineState(String json);

    CompletionStage<Optional<String>> engineState();
}
