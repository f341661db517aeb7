package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** The sentiment label of a mention. */
public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
