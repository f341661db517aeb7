package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.FollowedNote;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.ReplyThread;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.Walked;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reply pages ({@code /comment/sub/page}) of a followed note's comments: a comment page ships only
 * the first few replies inline, and says {@code sub_comment_has_more} with a {@code sub_comment_cursor}
 * where the rest start. Each comment's walk is a {@link ReplyThread} in the cursor, so a walk cut short
 * by the call budget goes on next poll from the page where it stopped; every page is read.
 */
final class ReplyWalk {
    /**
     * Comments whose finished walk is remembered per note (it keeps the cursor small); past this the
     * longest-ago walked is forgotten. If its count moves later it is walked again from the note's last
     * scan, so replies newer than that may be emitted a second time (the index upserts them by id).
     */
    static final int WALKED_MAX = 200;
    private static final Future<Boolean> GO_ON = Future.succeededFuture(true);

    private final KeywordPoll poll;
    private final XhsClient client;
    private final KeywordCursor.State state;

    ReplyWalk(KeywordPoll poll, XhsClient client, KeywordCursor.State state) {
        this.poll = poll;
        this.client = client;
        this.state = state;
    }

    /**
     * Queues the reply walk of a comment read on a comment page, unless its last walk already ended at
     * the same reply count. {@code since}: replies at or before it were taken by earlier scans.
     */
    static void queue(JsonNode comment, String commentId, long since, FollowedNote note, List<ReplyThread> queued) {
        if (!comment.path("sub_comment_has_more").asBoolean(false)) {
            return;
        }
        long count = XhsCount.of(comment.get("sub_comment_count"));
        Walked last = note.walked().get(commentId);
        if (last != null && last.count() == count) {
            return;
        }
        boolean already = queued.stream().anyMatch(t -> t.comment().equals(commentId))
                || note.replies().stream().anyMatch(t -> t.comment().equals(commentId));
        if (!already) {
            long from = Math.max(since, last == null ? 0 : last.newest());
            queued.add(new ReplyThread(commentId, XhsFields.optionalText(comment, "sub_comment_cursor"), count, from, from));
        }
    }

    /** Walks every queued thread of the note to its end; resolves to false when the poll must end (budget spent). */
    Future<Boolean> walk(String noteId) {
        FollowedNote f = note(noteId);
        if (f == null || f.replies().isEmpty()) {
            return GO_ON;
        }
        ReplyThread t = f.replies().get(0);
        Future<Void> gate = poll.gate();
        if (gate != null) {
            return gate.map(false);
        }
        return client.replies(f.id(), t.comment(), t.cursor(), f.xsec()).transform(ar -> {
            Future<Void> failed = poll.skipIfGone(ar, f.id());
            if (failed != null) {
                return failed.map(true);
            }
            if (ar.failed()) { // the note is gone (a problem is recorded): stop following it
                state.follow.remove(note(noteId));
                return GO_ON;
            }
            JsonNode data = ar.result();
            long newest = take(f, t, data.path("comments"));
            String next = data.path("cursor").asText("");
            boolean more = data.path("has_more").asBoolean(false) && !next.isEmpty() && !next.equals(t.cursor());
            if (more) {
                replace(noteId, t, new ReplyThread(t.comment(), next, t.count(), t.since(), newest));
            } else {
                finish(noteId, new ReplyThread(t.comment(), next, t.count(), t.since(), newest));
            }
            return walk(noteId);
        });
    }

    private long take(FollowedNote f, ReplyThread t, JsonNode replies) {
        String url = XhsFields.noteUrl(f.id(), f.xsec());
        long newest = t.newest();
        for (JsonNode r : replies) {
            try {
                Mention m = WebItems.reply(r, t.comment(), f.id(), url);
                long at = m.createdAt().toInstant().toEpochMilli();
                newest = Math.max(newest, at);
                if (at > t.since()) {
                    poll.mentions.add(m);
                }
            } catch (BadItemException e) {
                poll.problems.add(KeywordPoll.problem(f.id(), "reply to comment " + t.comment() + ": " + e.getMessage()
                        + "; skipped"));
            }
        }
        return newest;
    }

    private void replace(String noteId, ReplyThread old, ReplyThread now) {
        FollowedNote f = note(noteId);
        List<ReplyThread> threads = new ArrayList<>(f.replies());
        threads.set(threads.indexOf(old), now);
        update(f, f.withReplies(threads, f.walked()));
    }

    private void finish(String noteId, ReplyThread done) {
        FollowedNote f = note(noteId);
        List<ReplyThread> threads = new ArrayList<>(f.replies());
        threads.removeIf(t -> t.comment().equals(done.comment()));
        Map<String, Walked> walked = new LinkedHashMap<>(f.walked());
        walked.remove(done.comment()); // re-inserted last: the map keeps the most recent walks
        walked.put(done.comment(), new Walked(done.count(), done.newest()));
        while (walked.size() > WALKED_MAX) {
            walked.remove(walked.keySet().iterator().next());
        }
        update(f, f.withReplies(threads, walked));
    }

    private FollowedNote note(String noteId) {
        return state.follow.stream().filter(n -> n.id().equals(noteId)).findFirst().orElse(null);
    }

    private void update(FollowedNote old, FollowedNote now) {
        state.follow.set(state.follow.indexOf(old), now);
    }
}
