package dev.firebreak.monitor.config;

import dev.firebreak.connectors.spi.ConnectorConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon's settings, from one YAML file or the built-in defaults. {@code redisUri} null means
 * "start a private Redis in the data directory".
 */
public record FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                              List<ConnectorConfig> connectors, AlertingConfig alerting,
                              AnalysisConfig analysis) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public FirebreakConfig {
        connectors = List.copyOf(connectors);
    }

    /** First scores only (no CoreNLP): what tests and offline replays use. */
    public FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                           List<ConnectorConfig> connectors, AlertingConfig alerting) {
        this(dataDir, httpHost, httpPort, redisUri, connectors, alerting, AnalysisConfig.FIRST_SCORES_ONLY);
    }

    public FirebreakConfig withAnalysis(AnalysisConfig a) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, connectors, alerting, a);
    }

    public FirebreakConfig withDataDir(Path dir) {
        return new FirebreakConfig(dir, httpHost, httpPort, redisUri, connectors, alerting, analysis);
    }

    public FirebreakConfig withPort(int port) {
        return new FirebreakConfig(dataDir, httpHost, port, redisUri, connectors, alerting, analysis);
    }

    public FirebreakConfig withConnectors(List<ConnectorConfig> list) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, list, alerting, analysis);
    }
}
