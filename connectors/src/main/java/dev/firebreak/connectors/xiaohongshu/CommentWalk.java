package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.FollowedNote;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.ReplyThread;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The third step of a keyword poll: up to {@code maxPages} comment pages of each followed note, then
 * the reply pages of the comments that have more replies than ship inline ({@link ReplyWalk}).
 * Each note's walk state lives in the cursor ({@link FollowedNote}), so a walk cut short by the page
 * limit or the call budget continues next poll from the comment where it stopped.
 */
final class CommentWalk {
    private static final Future<Void> DONE = Future.succeededFuture();

    private final KeywordPoll poll;
    private final XhsClient client;
    private final KeywordCursor.State state;
    private final int maxPages;
    private final ReplyWalk replies;

    CommentWalk(KeywordPoll poll, XhsClient client, KeywordCursor.State state, int maxPages) {
        this.poll = poll;
        this.client = client;
        this.state = state;
        this.maxPages = maxPages;
        this.replies = new ReplyWalk(poll, client, state);
    }

    /** Walks each followed note's comments once, longest-waiting first, moving each to the back after its turn. */
    Future<Void> all() {
        return comments(state.follow.size());
    }

    private Future<Void> comments(int left) {
        if (left == 0 || state.follow.isEmpty()) {
            return DONE;
        }
        return commentPages(state.follow.get(0), 0).compose(more -> more ? comments(left - 1) : DONE);
    }

    /** Resolves to false when the poll must end here (budget spent). */
    private Future<Boolean> commentPages(FollowedNote f, int pagesDone) {
        if (pagesDone >= maxPages) {
            return repliesThenBack(f.id());
        }
        Future<Void> gate = poll.gate();
        if (gate != null) {
            return gate.map(false);
        }
        String from = f.next() == null ? "" : f.next();
        long top = f.next() == null ? f.since() : f.top();
        return client.comments(f.id(), from, f.xsec()).transform(ar -> {
            Future<Void> failed = poll.skipIfGone(ar, f.id());
            if (failed != null) {
                return failed.map(true);
            }
            if (ar.failed()) { // gone: stop following it
                state.follow.remove(f);
                return Future.succeededFuture(true);
            }
            JsonNode data = ar.result();
            List<ReplyThread> queued = new ArrayList<>(f.replies());
            long newTop = takeComments(f, data.path("comments"), top, queued);
            FollowedNote withReplies = f.withReplies(queued, f.walked());
            String next = data.path("cursor").asText("");
            if (data.path("has_more").asBoolean(false) && !next.isEmpty()) {
                FollowedNote moved = withReplies.nextPage(next, newTop);
                state.follow.set(state.follow.indexOf(f), moved);
                return commentPages(moved, pagesDone + 1);
            }
            state.follow.set(state.follow.indexOf(f), withReplies.scanDone(newTop));
            return repliesThenBack(f.id());
        });
    }

    /** The note's reply walks, then its turn ends; false when the budget ran out on the way. */
    private Future<Boolean> repliesThenBack(String noteId) {
        return replies.walk(noteId).map(goOn -> {
            if (goOn) {
                state.follow.stream().filter(n -> n.id().equals(noteId)).findFirst().ifPresent(this::toBack);
            }
            return goOn;
        });
    }

    /**
     * Emits the comments newer than the last finished scan and queues the reply walks they need;
     * returns the newest time seen.
     */
    private long takeComments(FollowedNote f, JsonNode comments, long top, List<ReplyThread> queued) {
        String url = XhsFields.noteUrl(f.id(), f.xsec());
        for (JsonNode c : comments) {
            try {
                ReplyWalk.queue(c, XhsFields.text(c, "id"), f.since(), f, queued);
                for (Mention m : WebItems.commentWithReplies(c, f.id(), url)) {
                    long t = m.createdAt().toInstant().toEpochMilli();
                    top = Math.max(top, t);
                    if (t > f.since()) {
                        poll.mentions.add(m);
                    }
                }
            } catch (BadItemException e) {
                poll.problems.add(KeywordPoll.problem(f.id(), e.getMessage() + "; skipped"));
            }
        }
        return top;
    }

    private void toBack(FollowedNote f) {
        state.follow.remove(f);
        state.follow.add(f);
    }

}
