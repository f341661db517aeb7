package dev.firebreak.rules.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebreak.core.Alert;
import dev.firebreak.core.FirebreakJson;
import java.time.Instant;
import java.util.List;

/**
 * The engine's memory, as plain data: what the daemon keeps in Redis between restarts and a backtest
 * starts without ({@link #EMPTY}). JSON through {@link FirebreakJson}.
 *
 * @param groups  every group that has fired: its open alert (null once resolved) and fire count
 * @param pending rules waiting for {@code for}: since when their condition has held, and its last match
 */
public record EngineState(List<Group> groups, List<Pending> pending) {
    public static final EngineState EMPTY = new EngineState(List.of(), List.of());

    public EngineState {
        groups = groups == null ? List.of() : List.copyOf(groups);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /**
     * @param ruleId null for a story group (shared by every story-grouped rule), else the rule of an author or rule group
     * @param key    the story id, {@code platform:authorId}, or the rule id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String ruleId, String key, int fires, Alert alert, Instant lastFiredAt, Instant resolvedAt) { }

    public record Pending(String ruleId, String key, Instant since, Instant last) { }

    public String toJson() {
        return FirebreakJson.write(this);
    }

    public static EngineState fromJson(String json) {
        return FirebreakJson.read(json, EngineState.class);
    }
}
