package dev.firebreak.daemon.config;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon's settings, from one YAML file or the built-in defaults. {@code redisUri} null means
 * "start a private Redis in the data directory". {@code brand}: the brand's own accounts
 * ({@code brand.accounts}); {@code serviceClocks}: the service targets kept per alert.
 */
public record FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                              List<ConnectorConfig> connectors, AlertingConfig alerting,
                              AnalysisConfig analysis, String publicUrl, LoggingConfig logging,
                              BrandAccounts brand, ServiceClockSettings serviceClocks) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public FirebreakConfig {
        connectors = List.copyOf(connectors);
        logging = logging == null ? LoggingConfig.DEFAULT : logging;
        brand = brand == null ? BrandAccounts.NONE : brand;
        serviceClocks = serviceClocks == null ? ServiceClockSettings.DEFAULT : serviceClocks;
    }

    public FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri, List<ConnectorConfig> connectors,
                           AlertingConfig alerting, AnalysisConfig analysis, String publicUrl, LoggingConfig logging) {
        this(dataDir, httpHost, httpPort, redisUri, connectors, alerting, analysis, publicUrl, logging, null, null);
    }

    public FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri, List<ConnectorConfig> connectors,
                           AlertingConfig alerting, AnalysisConfig analysis, String publicUrl) {
        this(dataDir, httpHost, httpPort, redisUri, connectors, alerting, analysis, publicUrl, LoggingConfig.DEFAULT);
    }

    public FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                           List<ConnectorConfig> connectors, AlertingConfig alerting, AnalysisConfig analysis) {
        this(dataDir, httpHost, httpPort, redisUri, connectors, alerting, analysis, null);
    }

    /**
     * Where people reach the console ({@code http.publicUrl}): the base of the acknowledge links in robot
     * messages. Left out, the daemon's own address (a wildcard host read as localhost).
     */
    @Override
    public String publicUrl() {
        return publicUrlOr(httpPort);
    }

    /** As {@link #publicUrl()}, with the port the daemon actually bound when none is configured (a negative port: the configured one). */
    public String publicUrlOr(int boundPort) {
        if (publicUrl != null) return publicUrl;
        String host = httpHost.equals("0.0.0.0") || httpHost.equals("::") ? "localhost" : httpHost;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + (boundPort > 0 ? boundPort : httpPort);
    }

    /** First scores only (no CoreNLP): what tests and offline replays use. */
    public FirebreakConfig(Path dataDir, String httpHost, int httpPort, String redisUri,
                           List<ConnectorConfig> connectors, AlertingConfig alerting) {
        this(dataDir, httpHost, httpPort, redisUri, connectors, alerting, AnalysisConfig.FIRST_SCORES_ONLY);
    }

    public FirebreakConfig withAnalysis(AnalysisConfig a) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, connectors, alerting, a, publicUrl, logging, brand, serviceClocks);
    }

    public FirebreakConfig withDataDir(Path dir) {
        return new FirebreakConfig(dir, httpHost, httpPort, redisUri, connectors, alerting, analysis, publicUrl, logging, brand, serviceClocks);
    }

    public FirebreakConfig withPort(int port) {
        return new FirebreakConfig(dataDir, httpHost, port, redisUri, connectors, alerting, analysis, publicUrl, logging, brand, serviceClocks);
    }

    public FirebreakConfig withBrand(BrandAccounts accounts) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, connectors, alerting, analysis, publicUrl, logging,
                accounts, serviceClocks);
    }

    public FirebreakConfig withServiceClocks(ServiceClockSettings clocks) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, connectors, alerting, analysis, publicUrl, logging,
                brand, clocks);
    }

    public FirebreakConfig withConnectors(List<ConnectorConfig> list) {
        return new FirebreakConfig(dataDir, httpHost, httpPort, redisUri, list, alerting, analysis, publicUrl, logging, brand, serviceClocks);
    }
}
