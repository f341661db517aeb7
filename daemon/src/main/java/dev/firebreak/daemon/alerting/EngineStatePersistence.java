package dev.firebreak.daemon.alerting;

import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.EngineState;
import dev.firebreak.store.EngineStateStore;
import java.util.Optional;

/** Saves the engine's grouping state and reads it back after a restart, so a story keeps its one alert. */
public final class EngineStatePersistence {
    private final AlertEngine engine;
    private final EngineStateStore store;

    public EngineStatePersistence(AlertEngine engine, EngineStateStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** True if a saved state was found and restored. */
    public boolean restore() throws Exception {
        Optional<String> saved = Await.result(store.engineState());
        saved.ifPresent(json -> engine.restore(EngineState.fromJson(json)));
        return saved.isPresent();
    }

    public void save() throws Exception {
        Await.result(store.saveEngineState(engine.snapshot().toJson()));
    }
}
