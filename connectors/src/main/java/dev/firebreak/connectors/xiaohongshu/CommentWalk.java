package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.FollowedNote;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;

/**
 * The third step of a keyword poll: up to {@code maxPages} comment pages of each followed note.
 * Each note's walk state lives in the cursor ({@link FollowedNote}), so a walk cut short by the page
 * limit or the call budget continues next poll from the comment where it stopped.
 */
final class CommentWalk {
    private static final Future<Void> DONE = Future.succeededFuture();

    private final KeywordPoll poll;
    private final XhsClient client;
    private final KeywordCursor.State state;
    private final int maxPages;

    CommentWalk(KeywordPoll poll, XhsClient client, KeywordCursor.State state, int maxPages) {
        this.poll = poll;
        this.client = client;
        this.state = state;
        this.maxPages = maxPages;
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
            toBack(f);
            return Future.succeededFuture(true);
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
            long newTop = takeComments(f, data.path("comments"), top);
            String next = data.path("cursor").asText("");
            if (data.path("has_more").asBoolean(false) && !next.isEmpty()) {
                FollowedNote moved = f.nextPage(next, newTop);
                state.follow.set(state.follow.indexOf(f), moved);
                return commentPages(moved, pagesDone + 1);
            }
            FollowedNote done = f.scanDone(newTop);
            state.follow.set(state.follow.indexOf(f), done);
            toBack(done);
            return Future.succeededFuture(true);
        });
    }

    /** Emits the comments newer than the last finished scan; returns the newest time seen. */
    private long takeComments(FollowedNote f, JsonNode comments, long top) {
        String url = XhsFields.noteUrl(f.id(), f.xsec());
        for (JsonNode c : comments) {
            try {
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
