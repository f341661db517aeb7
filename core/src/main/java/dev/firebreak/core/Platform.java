package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a mention was published. The JSON form is the lower-case name. */
public enum Platform {
    WEIBO, DOUYIN, XIAOHONGSHU, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
