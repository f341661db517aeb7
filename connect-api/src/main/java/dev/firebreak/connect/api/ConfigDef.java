package dev.firebreak.connect.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration keys a connector takes: what each means, whether it is required, its default. */
public final class ConfigDef {
    /** One key. {@code defaultValue} is null for required keys. */
    public record Key(String name, boolean required, Object defaultValue, boolean secret, String doc) { }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    public ConfigDef required(String name, String doc) {
        keys.put(name, new Key(name, true, null, false, doc));
        return this;
    }

    public ConfigDef optional(String name, Object defaultValue, String doc) {
        keys.put(name, new Key(name, false, defaultValue, false, doc));
        return this;
    }

    public ConfigDef secret(String name, String doc) {
        keys.put(name, new Key(name, true, null, true, doc));
        return this;
    }

    /** An optional secret (a refresh token some accounts do not have): masked wherever it is shown. */
    public ConfigDef optionalSecret(String name, String doc) {
        keys.put(name, new Key(name, false, null, true, doc));
        return this;
    }

    public boolean isSecret(String name) {
        Key key = keys.get(name);
        return key != null && key.secret();
    }

    public Map<String, Key> keys() {
        return Map.copyOf(keys);
    }

    public String names() {
        return String.join(", ", keys.keySet());
    }

    public boolean has(String name) {
        return keys.containsKey(name);
    }
}
