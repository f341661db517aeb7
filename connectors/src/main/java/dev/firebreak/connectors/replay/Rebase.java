package dev.firebreak.connectors.replay;

import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.core.Mention;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One shift of a replayed stream's times, so that it plays as if it were happening now: with
 * {@code rebase: first-start} the shift is chosen when the first mention is read (the wall-clock time
 * then, to the second, minus that mention's {@code createdAt}) and every mention's {@code createdAt} moves
 * by it. Ids stay, so dedup and cursors work as before. The shift travels in the feed's cursor, which
 * the runtime keeps in Redis, so a restart resumes with the same shift and never re-times what was played.
 *
 * <p>Cursor text: the {@link ReplayCursor} ({@code offset:line}), then {@code ;shift=PT…} (ISO-8601), or
 * {@code ;shift=pending} before any mention was read. A cursor without the part was written by a replay
 * that did not rebase: it goes on unshifted, as it began.
 */
record Rebase(Duration shift) {
    static final Rebase NONE = new Rebase(Duration.ZERO);
    private static final String PART = ";shift=";
    private static final String PENDING = "pending";

    /** The config value: {@code none} (default) or {@code first-start}; true for first-start. */
    static boolean parse(String key, String value) throws ConfigException {
        if ("none".equals(value)) return false;
        if ("first-start".equals(value)) return true;
        throw ConfigException.invalid(key, value, "expected none or first-start");
    }

    /** The shift that puts {@code first} at {@code now} (whole seconds, so times stay as readable as they were). */
    static Rebase firstStart(Instant now, Mention first) {
        Instant to = now.truncatedTo(ChronoUnit.SECONDS);
        return new Rebase(Duration.between(first.createdAt().toInstant(), to));
    }

    Mention apply(Mention m) {
        if (shift.isZero()) return m;
        return new Mention(m.platform(), m.id(), m.kind(), m.text(), m.createdAt().plus(shift), m.author(), m.parentId(),
                m.rootId(), m.url(), m.metrics());
    }

    /** The replay position in a cursor (what comes before the rebase part). */
    static String position(String cursor) {
        if (cursor == null) return null;
        int at = cursor.indexOf(PART);
        return at < 0 ? cursor : cursor.substring(0, at);
    }

    /** What a cursor says of the rebase: null when it has no rebase part or says pending. */
    static Rebase recordedIn(String cursor) {
        if (cursor == null || !cursor.contains(PART)) return null;
        String value = cursor.substring(cursor.indexOf(PART) + PART.length());
        if (value.equals(PENDING)) return null;
        try {
            return new Rebase(Duration.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("replay cursor \"" + cursor + "\" has an unreadable shift", e);
        }
    }

    /** Whether a cursor comes from a replay that rebases (a shift chosen or pending). */
    static boolean rebasing(String cursor) {
        return cursor != null && cursor.contains(PART);
    }

    /** The cursor text for {@code at} with this shift, or pending when {@code rebase} is null. */
    static String cursor(ReplayCursor at, Rebase rebase) {
        return at + PART + (rebase == null ? PENDING : rebase.shift.toString());
    }
}
