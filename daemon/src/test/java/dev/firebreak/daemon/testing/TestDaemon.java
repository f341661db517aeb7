package dev.firebreak.daemon.testing;

import dev.firebreak.state.redis.testing.TestRedis;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real daemon for HTTP tests: push ingest only, any free port, Redis by the {@link TestRedis} rule. */
public final class TestDaemon {
    private TestDaemon() { }

    public static Firebreak pushOnly(Path data) throws Exception {
        return pushOnly(data, AnalysisConfig.FIRST_SCORES_ONLY);
    }

    public static Firebreak pushOnly(Path data, AnalysisConfig analysis) throws Exception {
        return pushOnly(data, analysis, "test:" + java.util.UUID.randomUUID() + ":");
    }

    /** A daemon on {@code data} with its Redis keys under {@code namespace}: start it twice to restart. */
    public static Firebreak pushOnly(Path data, AnalysisConfig analysis, String namespace) throws Exception {
        FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("push", "push", Map.of())), dev.firebreak.daemon.config.AlertingConfig.BUILTIN, analysis);
        return Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, namespace));
    }

    /** A push-only daemon, first scores only, whose rules folder is {@code rulesDir} (PUT /api/rules/files works). */
    public static Firebreak withRules(Path data, Path rulesDir) throws Exception {
        FirebreakConfig config = new FirebreakConfig(data, "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("push", "push", Map.of())),
                new dev.firebreak.daemon.config.AlertingConfig(rulesDir, List.of()), AnalysisConfig.FIRST_SCORES_ONLY);
        return Firebreak.start(config, new Firebreak.Options(true, List.of(), p -> { }, "test:" + java.util.UUID.randomUUID() + ":"));
    }

    /** A new user with {@code role} (named after it, e.g. "agent-1a2b3c") and its token. */
    public static String tokenFor(Firebreak app, dev.firebreak.daemon.web.Role role) throws Exception {
        return tokenFor(app, role, role.wire() + "-" + java.util.UUID.randomUUID().toString().substring(0, 6));
    }

    /** A new user called {@code name} with {@code role}, and its token. */
    public static String tokenFor(Firebreak app, dev.firebreak.daemon.web.Role role, String name) throws Exception {
        return app.auth().users().create(name, role).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS)
                .orElseThrow(() -> new IllegalStateException("user " + name + " already exists"));
    }
}
