package dev.firebreak.connectors.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one configured connector ({@code id}, {@code type} and the connector's own keys),
 * checked against the connector's {@link ConfigDef} before it sees them.
 */
public final class ConnectorConfig {
    private final String id;
    private final String type;
    private final Map<String, Object> values;

    public ConnectorConfig(String id, String type, Map<String, Object> values) {
        this.id = id;
        this.type = type;
        this.values = new LinkedHashMap<>(values);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** Every key present is known and every required key is present; defaults fill the rest. */
    public ConnectorConfig checkedAgainst(ConfigDef def) throws ConfigException {
        for (String key : values.keySet()) {
            if (!def.has(key)) {
                throw new ConfigException("unknown configuration key \"" + key + "\" for " + type + " connector \""
                        + id + "\" (it takes: " + def.names() + ")");
            }
        }
        Map<String, Object> filled = new LinkedHashMap<>(values);
        for (ConfigDef.Key key : def.keys().values()) {
            Object value = values.get(key.name());
            if (value == null && key.required()) {
                throw new ConfigException("missing configuration " + key.name() + " for " + type + " connector \""
                        + id + "\": " + key.doc());
            }
            if (value == null) {
                filled.put(key.name(), key.defaultValue());
            }
        }
        return new ConnectorConfig(id, type, filled);
    }

    public String string(String key) {
        Object v = values.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /** A positive integer, or a ConfigException in the Kafka Connect form. */
    public int positiveInt(String key) throws ConfigException {
        Object v = values.get(key);
        try {
            int n = v instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(v));
            if (n <= 0) {
                throw ConfigException.invalid(key, v, "must be a positive whole number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(key, v, "must be a positive whole number");
        }
    }
}
