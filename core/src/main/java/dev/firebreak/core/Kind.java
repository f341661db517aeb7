package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** What sort of item a mention is. The JSON form is the lower-case name. */
public enum Kind {
    POST, REPOST, COMMENT, NOTE, VIDEO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
