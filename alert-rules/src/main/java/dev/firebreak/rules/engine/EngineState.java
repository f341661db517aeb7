package dev.firebreak.rules.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebreak.core.Alert;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Severity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The engine's memory, as plain data: what the daemon keeps in Redis between restarts and a backtest
 * starts without ({@link #EMPTY}). JSON through {@link FirebreakJson}.
 *
 * @param groups  every group that has fired: its open alert (null once resolved) and fire count
 * @param pending rules waiting for {@code for}: since when their condition has held, and its last match
 * @param aliases story ids that joined a story group fired under another key (a repost's root, seen before
 *                its original joined a story), to that group's key
 */
public record EngineState(List<Group> groups, List<Pending> pending, Map<String, String> aliases) {
    public static final EngineState EMPTY = new EngineState(List.of(), List.of(), Map.of());

    public EngineState {
        groups = groups == null ? List.of() : List.copyOf(groups);
        pending = pending == null ? List.of() : List.copyOf(pending);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    public EngineState(List<Group> groups, List<Pending> pending) {
        this(groups, pending, Map.of());
    }

    /**
     * @param ruleId null for a story group (shared by every story-grouped rule), else the rule of an author or rule group
     * @param key    the story id, {@code platform:authorId}, or the rule id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String ruleId, String key, int fires, Alert alert, Instant lastFiredAt, Instant resolvedAt,
                        List<Member> members) {
        public Group {
            members = members == null ? List.of() : List.copyOf(members);
        }

        public Group(String ruleId, String key, int fires, Alert alert, Instant lastFiredAt, Instant resolvedAt) {
            this(ruleId, key, fires, alert, lastFiredAt, resolvedAt, List.of());
        }
    }

    /** A rule of an open alert: when it first matched, and that mention (its reason names the author). */
    public record Member(String ruleId, String ruleVersion, Severity severity, OffsetDateTime firstMatchedAt,
                         String reason, ScoredMention first) { }

    public record Pending(String ruleId, String key, Instant since, Instant last) { }

    public String toJson() {
        return FirebreakJson.write(this);
    }

    public static EngineState fromJson(String json) {
        return FirebreakJson.read(json, EngineState.class);
    }
}
