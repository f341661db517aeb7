package dev.firebreak.daemon.serviceclock.settings;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three service targets of the seed guide, by their configuration key. */
public enum ClockKind {
    /** Alert fired to its lifecycle's acknowledge (or assign). */
    ACKNOWLEDGE("acknowledge"),
    /** Alert fired to the brand's first public reply in its incident (story), or a person's replied step. */
    FIRST_REPLY("firstReply"),
    /** Alert fired to its supervisor reached: the escalation's supervisor level, or assigned to a named supervisor. */
    SUPERVISOR("supervisor");

    private final String key;

    ClockKind(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static ClockKind of(String key) {
        for (ClockKind k : values()) {
            if (k.key.equals(key)) return k;
        }
        throw new IllegalArgumentException("unknown clock \"" + key + "\"");
    }
}
