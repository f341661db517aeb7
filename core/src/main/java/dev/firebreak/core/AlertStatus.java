package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an alert is in its life. */
public enum AlertStatus {
    FIRING, ACKNOWLEDGED, RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
