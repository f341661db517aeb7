package dev.firebreak.connect.api;

/** A connector configuration that cannot work. The message names the key, the value and why. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    /** {@code Invalid value X for configuration Y: why}. Secret values are masked by the caller. */
    public static ConfigException invalid(String key, Object value, String why) {
        return new ConfigException("Invalid value " + value + " for configuration " + key + ": " + why);
    }
}
