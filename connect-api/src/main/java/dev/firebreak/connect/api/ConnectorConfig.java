package dev.firebreak.connect.api;

import dev.firebreak.core.Durations;
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

    /** The connector's own keys as configured (no defaults filled in): what a configuration reload compares. */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
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

    /** An http(s) base URL without a trailing slash. */
    public String baseUrl(String key) throws ConfigException {
        String v = string(key);
        if (v == null || !(v.startsWith("http://") || v.startsWith("https://")) || v.contains("?")) {
            // A query string can carry a key (robot URLs do): show only what comes before it.
            String shown = v == null ? null : v.contains("?") ? v.substring(0, v.indexOf('?')) + "?…" : v;
            throw ConfigException.invalid(key, shown, "must be an http:// or https:// URL without a query string");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** A secret that must be present and not blank; the message never shows its value. */
    public String secret(String key) throws ConfigException {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw ConfigException.invalid(key, "(empty)", "must not be empty (set it in the file or through ${ENV_VAR})");
        }
        return v;
    }

    /** A duration written with its unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    public java.time.Duration duration(String key) throws ConfigException {
        Object v = values.get(key);
        java.time.Duration d = Durations.parse(String.valueOf(v));
        if (d == null) {
            throw ConfigException.invalid(key, v, "must be a whole number with a unit (ms, s, m, h, d), such as 30s or 5m");
        }
        return d;
    }

    /** A duration longer than zero. */
    public java.time.Duration positiveDuration(String key) throws ConfigException {
        java.time.Duration d = duration(key);
        if (d.isZero()) {
            throw ConfigException.invalid(key, string(key), "must be longer than zero");
        }
        return d;
    }

    /** A list of non-blank strings, from a YAML list or a comma-separated string. */
    public java.util.List<String> list(String key) throws ConfigException {
        Object v = values.get(key);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (v instanceof java.util.Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x).strip()));
        } else if (v != null) {
            for (String part : String.valueOf(v).split(",")) {
                out.add(part.strip());
            }
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            throw ConfigException.invalid(key, v, "must list at least one value");
        }
        return out;
    }

    /** A path to a regular file this process can read. */
    public java.nio.file.Path readableFile(String key) throws ConfigException {
        String p = string(key);
        java.nio.file.Path file = java.nio.file.Path.of(p);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw ConfigException.invalid(key, p, "no such file");
        }
        if (!java.nio.file.Files.isReadable(file)) {
            throw ConfigException.invalid(key, p, "file is not readable");
        }
        return file;
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
