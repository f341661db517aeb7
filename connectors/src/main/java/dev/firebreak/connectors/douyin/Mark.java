package dev.firebreak.connectors.douyin;

import java.util.ArrayList;
import java.util.List;

/**
 * A point in a time-ordered Douyin listing: a {@code create_time} (unix seconds) and the ids seen at
 * exactly that second. Douyin times have one-second resolution, so two items can share a second; the
 * ids tell which of them are already accounted for.
 */
record Mark(long time, List<String> ids) {
    /** Before everything. */
    static final Mark NONE = new Mark(Long.MIN_VALUE, List.of());
    /** After everything: the starting "lowest seen" of a scan that has seen nothing yet. */
    static final Mark TOP = new Mark(Long.MAX_VALUE, List.of());

    Mark {
        ids = List.copyOf(ids);
    }

    /** An item at or before this mark: older, or of the same second and already seen. */
    boolean covers(long t, String id) {
        return t < time || (t == time && ids.contains(id));
    }

    /** An item at or after this mark: newer, or of the same second and already seen. */
    boolean isAtOrAbove(long t, String id) {
        return t > time || (t == time && ids.contains(id));
    }

    /** This mark moved up to include the item, if the item is newer. */
    Mark raise(long t, String id) {
        if (t > time) {
            return new Mark(t, List.of(id));
        }
        return t == time ? with(id) : this;
    }

    /** This mark moved down to include the item, if the item is older. */
    Mark lower(long t, String id) {
        if (t < time) {
            return new Mark(t, List.of(id));
        }
        return t == time ? with(id) : this;
    }

    /** The later of two marks; the union of ids when they share a second. */
    Mark max(Mark other) {
        if (other.time != time) {
            return other.time > time ? other : this;
        }
        Mark out = this;
        for (String id : other.ids) {
            out = out.with(id);
        }
        return out;
    }

    private Mark with(String id) {
        if (ids.contains(id)) {
            return this;
        }
        List<String> more = new ArrayList<>(ids);
        more.add(id);
        return new Mark(time, more);
    }
}
