package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.core.FirebreakJson;

/** Feed cursors as JSON text (the runtime stores them as opaque strings). */
final class DouyinCursors {
    private DouyinCursors() { }

    static <T> T read(String cursor, Class<T> type, T start) throws PlatformException {
        if (cursor == null || cursor.isBlank()) {
            return start;
        }
        try {
            return FirebreakJson.mapper().readValue(cursor, type);
        } catch (JsonProcessingException e) {
            throw new PlatformException(ErrorAction.FATAL, "cursor", null,
                    "douyin: the saved cursor is not a " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")");
        }
    }

    static String write(Object cursor) {
        return FirebreakJson.write(cursor);
    }
}
