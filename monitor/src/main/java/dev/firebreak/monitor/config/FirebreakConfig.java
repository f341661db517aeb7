package dev.firebreak.monitor.config;

import dev.firebreak.connectors.spi.ConnectorConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon's settings, from one YAML file or the built-in defaults. {@code redisUri} null means
 * "start a private Redis in the data directory".
 */
public record FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                              List<ConnectorConfig> connectors, long minFollowers, double minNegative,
                              AnalysisConfig analysis) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_MIN_FOLLOWERS = 10_000;
    public static final double DEFAULT_MIN_NEGATIVE = 0.6;

    public FirebreakConfig {
        connectors = List.copyOf(connectors);
    }

    /** First scores only (no CoreNLP): what tests and offline replays use. */
    public FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                           List<ConnectorConfig> connectors, long minFollowers, double minNegative) {
        this(dataDir, httpHost, httpPort, redisUri, connectors, minFollowers, minNegative,
                AnalysisConfig.FIRST_SCORES_ONLY);
    }

    public FirebreakConfig withAnalysis(AnalysisConfig a) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, connectors, minFollowers, minNegative, a);
    }

    public FirebreakConfig withDataDir(Path dir) {
        return new FirebreakConfig(dir, httpHost, httpPort, redisUri, connectors, minFollowers, minNegative, analysis);
    }

    public FirebreakConfig withPort(int port) {
        return new FirebreakConfig(dataDir, httpHost, port, redisUri, connectors, minFollowers, minNegative, analysis);
    }

    public FirebreakConfig withConnectors(List<ConnectorConfig> list) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, list, minFollowers, minNegative, analysis);
    }
}
