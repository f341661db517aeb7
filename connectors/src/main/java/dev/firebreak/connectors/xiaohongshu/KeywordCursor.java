package dev.firebreak.connectors.xiaohongshu;

import dev.firebreak.core.FirebreakJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one keyword feed stands, saved by the runtime as JSON after the poll's mentions are indexed:
 * <ul>
 *   <li>{@code scanPage}: the next search page of a scan still in progress (0: start a new scan at page 1);
 *       {@code scanBase}: how many of {@code seen} were taken before that scan began, so the scan can tell
 *       "reached notes taken earlier" (stop) from "this scan's notes, shifted down a page by new ones".</li>
 *   <li>{@code seen}: note ids already taken (emitted, skipped as gone, or pending), oldest first, bounded.</li>
 *   <li>{@code pending}: notes the search found whose details (time, text) are not fetched yet.</li>
 *   <li>{@code follow}: the newest notes whose comments are followed, each with its comment scan.</li>
 * </ul>
 * A note is in {@code seen} from the moment it is found, so it is emitted once: from {@code pending}.
 */
record KeywordCursor(int v, int scanPage, int scanBase, long seq, List<String> seen, List<PendingNote> pending,
                     List<FollowedNote> follow) {
    /** Room for the longest scan allowed ({@code scanPages} 50 x 20 notes) beside the notes before it. */
    static final int SEEN_MAX = 1_200;
    static final int FOLLOW_MAX = 10;

    /** A note found by the search, waiting for its detail. {@code xsec} is the platform's link token for it. */
    record PendingNote(String id, String xsec) { }

    /**
     * A note whose comments are followed. A comment scan walks the pages from {@code next} ("" = first
     * page, null = no scan in progress) and takes comments newer than {@code since} (epoch ms, the newest
     * comment of the last finished scan); {@code top} is the newest seen in this scan so far. Comment pages
     * are addressed by the last comment id, so a scan neither skips nor repeats when comments arrive.
     * {@code seq} orders notes by when they were found: the oldest are unfollowed first.
     * {@code replies} are the reply walks still to do (comments with more replies than ship inline);
     * {@code walked} remembers, per comment, the reply count and newest reply of its last finished walk,
     * so a comment is walked again only when its count changes, and takes only newer replies.
     * (Both are absent in cursors saved before replies were fetched: they read as empty.)
     */
    record FollowedNote(String id, String xsec, long seq, String next, long since, long top, List<ReplyThread> replies,
                        Map<String, Walked> walked) {
        FollowedNote {
            replies = List.copyOf(replies == null ? List.of() : replies);
            walked = walked == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(walked));
        }

        FollowedNote(String id, String xsec, long seq) {
            this(id, xsec, seq, null, 0, 0, List.of(), Map.of());
        }

        FollowedNote nextPage(String cursor, long newTop) {
            return new FollowedNote(id, xsec, seq, cursor, since, newTop, replies, walked);
        }

        FollowedNote scanDone(long newTop) {
            return new FollowedNote(id, xsec, seq, null, Math.max(since, newTop), Math.max(since, newTop), replies, walked);
        }

        FollowedNote withReplies(List<ReplyThread> threads, Map<String, Walked> done) {
            return new FollowedNote(id, xsec, seq, next, since, top, threads, done);
        }
    }

    /**
     * A comment's replies still to read from {@code cursor} (the comment's {@code sub_comment_cursor} at
     * first), taking those newer than {@code since}; {@code count} is its {@code sub_comment_count} when
     * queued and {@code newest} the newest reply read so far.
     */
    record ReplyThread(String comment, String cursor, long count, long since, long newest) { }

    /** The end of a comment's last finished reply walk. */
    record Walked(long count, long newest) { }

    static final KeywordCursor START = new KeywordCursor(1, 0, 0, 0, List.of(), List.of(), List.of());

    KeywordCursor {
        seen = List.copyOf(seen == null ? List.of() : seen);
        pending = List.copyOf(pending == null ? List.of() : pending);
        follow = List.copyOf(follow == null ? List.of() : follow);
    }

    /** The saved cursor (null: the feed has never been polled). */
    static KeywordCursor parse(String text) {
        if (text == null) {
            return START;
        }
        KeywordCursor c = FirebreakJson.read(text, KeywordCursor.class);
        if (c.v() != 1) {
            throw new IllegalArgumentException("unknown cursor version " + c.v());
        }
        return c;
    }

    String text() {
        return FirebreakJson.write(this);
    }

    /** The working copy a poll changes; it becomes a cursor again only when the poll succeeds. */
    State edit() {
        return new State(this);
    }

    /** Mutable while one poll runs. */
    static final class State {
        int scanPage;
        int scanBase;
        long seq;
        final List<String> seen;
        final List<PendingNote> pending;
        final List<FollowedNote> follow;

        private State(KeywordCursor c) {
            scanPage = c.scanPage();
            scanBase = c.scanBase();
            seq = c.seq();
            seen = new ArrayList<>(c.seen());
            pending = new ArrayList<>(c.pending());
            follow = new ArrayList<>(c.follow());
        }

        /** Whether a note was taken before the current scan began. */
        boolean takenBefore(String id) {
            return seen.subList(0, Math.min(scanBase, seen.size())).contains(id);
        }

        void found(String id, String xsec) {
            seen.add(id);
            pending.add(new PendingNote(id, xsec));
            if (seen.size() > SEEN_MAX) {
                int drop = seen.size() - SEEN_MAX;
                seen.subList(0, drop).clear();
                scanBase = Math.max(0, scanBase - drop);
            }
        }

        /** Follows a newly emitted note's comments; past the limit the earliest found is let go. */
        void followComments(String id, String xsec) {
            follow.add(new FollowedNote(id, xsec, seq++));
            while (follow.size() > FOLLOW_MAX) {
                FollowedNote oldest = follow.get(0);
                for (FollowedNote f : follow) {
                    oldest = f.seq() < oldest.seq() ? f : oldest;
                }
                follow.remove(oldest);
            }
        }

        KeywordCursor cursor() {
            return new KeywordCursor(1, scanPage, scanBase, seq, seen, pending, follow);
        }
    }
}
