package dev.firebreak.connectors.weibo;

import java.util.Collection;

/**
 * Where a Weibo timeline stands, as the runtime stores it. Weibo pages newest-first by 64-bit id:
 * {@code since_id} returns ids above it, {@code max_id} ids at or below it. Catching up is a walk
 * down from the newest page toward the last high-water mark, one page a poll, so each page is indexed
 * and saved before the next is asked for and a restart resumes mid-walk. Only when the walk reaches
 * the old mark does the mark move up to the newest id seen ({@code top}).
 *
 * <p>Text form: {@code since=H} when caught up, {@code since=H;top=T;max=M} while walking. Ids are
 * longs, never doubles (they are 16 digits).
 */
record IdWalk(long since, long top, long max) {
    static final IdWalk START = new IdWalk(0, 0, 0);

    static IdWalk parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        long since = 0;
        long top = 0;
        long max = 0;
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("not a Weibo cursor: " + text);
            }
            long v = Long.parseLong(kv[1]);
            switch (kv[0]) {
                case "since" -> since = v;
                case "top" -> top = v;
                case "max" -> max = v;
                default -> throw new IllegalArgumentException("not a Weibo cursor: " + text);
            }
        }
        return new IdWalk(since, top, max);
    }

    /** The paging parameters of the next request: {@code count}, and since_id/max_id where set. */
    java.util.Map<String, String> query(int count) {
        java.util.Map<String, String> q = new java.util.LinkedHashMap<>();
        q.put("count", String.valueOf(count));
        if (since > 0) {
            q.put("since_id", Long.toString(since));
        }
        if (walking()) {
            q.put("max_id", Long.toString(max));
        }
        return q;
    }

    boolean walking() {
        return max > 0;
    }

    /**
     * The walk after a page: {@code ids} the ids on it, {@code nextCursor} the platform's next_cursor
     * (0 when there is no older page). Ids at or below {@code since} were seen before.
     */
    IdWalk after(Collection<Long> ids, long nextCursor) {
        long newest = Math.max(top, ids.stream().mapToLong(Long::longValue).max().orElse(0));
        long oldest = ids.stream().mapToLong(Long::longValue).min().orElse(0);
        boolean more = !ids.isEmpty() && nextCursor > since && oldest > since + 1;
        if (!more) {
            return new IdWalk(Math.max(since, newest), 0, 0);
        }
        long nextMax = nextCursor < oldest ? nextCursor : oldest - 1;
        return new IdWalk(since, newest, nextMax);
    }

    @Override
    public String toString() {
        return walking() ? "since=" + since + ";top=" + top + ";max=" + max : "since=" + since;
    }
}
