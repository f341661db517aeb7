package dev.firebreak.connect.api;

import java.util.List;

/**
 * A source of mentions. The connector declares and validates its configuration and lists its feeds;
 * the runtime owns scheduling and cursors. Modelled on Kafka Connect's source connector.
 */
public interface Connector {
    /** The type name used in configuration files ({@code type: replay}). */
    String type();

    ConfigDef configDef();

    /** Validates and takes the configuration; throws with the bad key, its value and why. */
    void configure(ConnectorConfig config) throws ConfigException;

    /** The feeds to poll. Push-only connectors have none. */
    List<Feed> feeds();

    PollTask task(Feed feed, TaskContext context);
}
