package dev.firebreak.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one object mapper of Firebreak: every JSON contract is written and read through it. */
public final class FirebreakJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Producers add fields over time; a reader must not break on them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Keep the writer's offset (+08:00) instead of normalising to UTC.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private FirebreakJson() { }

    /**
     * A reader for contracts that come from outside (push bodies, replay files): a second JSON value or
     * trailing garbage after the first is an error instead of silently dropped, and a number is never
     * read as an enum's ordinal. Our own stored JSON is read with {@link #mapper()}.
     */
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                    // 1e309 stays 1E+309 in an error message instead of turning into Infinity.
                    DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectReader strictReader() {
        return STRICT;
    }

    /** Writes a value as compact JSON; our own records always serialise, so failure is a bug. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
