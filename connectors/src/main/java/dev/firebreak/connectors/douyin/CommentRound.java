package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll's work on one video: comment pages (newest first) until the scan reaches comments it
 * already returned or {@link #MAX_PAGES} pages, and for each comment read whose reply total changed,
 * its whole reply list. An item-level error skips the video (or that comment's replies) with a problem.
 */
final class CommentRound {
    static final String COMMENTS = "/item/comment/list/";
    static final String REPLIES = "/item/comment/reply/list/";
    /** Bounds one poll on a video with a long backlog; the next poll continues the scan. */
    static final int MAX_PAGES = 5;
    /** A runaway guard for one comment's reply list (Douyin lists up to 20 replies a page). */
    static final int MAX_REPLY_PAGES = 50;

    private final DouyinApi api;
    private final DouyinSettings settings;
    private final String itemId;
    private VideoThread thread;
    private boolean skipped;
    final List<Mention> mentions = new ArrayList<>();
    final List<PollResult.Problem> problems = new ArrayList<>();

    CommentRound(DouyinApi api, DouyinSettings settings, String itemId, VideoThread thread) {
        this.api = api;
        this.settings = settings;
        this.itemId = itemId;
        this.thread = thread;
    }

    Future<CommentRound> run() {
        return page(0).map(x -> this);
    }

    VideoThread thread() {
        return thread;
    }

    /** The scan stopped part-way (page limit), not because the video was skipped. */
    boolean continues() {
        return thread.comments().inProgress() && !skipped;
    }

    private Future<Void> page(int n) {
        ScanState scan = thread.comments();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("open_id", settings.openId());
        q.put("item_id", itemId);
        q.put("cursor", String.valueOf(scan.nextPage()));
        q.put("count", String.valueOf(Math.min(settings.pageSize(), 50)));
        q.put("sort_type", "time");
        return api.get(COMMENTS, q).compose(data -> {
            List<NewestFirstScan.Item<JsonNode>> items = new ArrayList<>();
            for (JsonNode c : data.path("list")) {
                items.add(new NewestFirstScan.Item<>(c.path("comment_id").asText(), c.path("create_time").asLong(),
                        c.path("top").asBoolean(false), c));
            }
            NewestFirstScan.Step<JsonNode> step = NewestFirstScan.step(scan, items, data.path("has_more").asBoolean(false),
                    data.path("cursor").asLong(0));
            step.fresh().forEach(i -> mentions.add(DouyinMapper.comment(i.body(), itemId)));
            return replies(step.read(), 0, thread.repliesTop() == null ? Mark.NONE : thread.repliesTop(),
                    thread.replyCountsNow() == null ? new HashMap<>() : new HashMap<>(thread.replyCountsNow()))
                    .map(acc -> {
                        thread = thread.afterPage(step.next(), acc.top, acc.counts);
                        return step.finished();
                    });
        }).compose(finished -> finished || n + 1 >= MAX_PAGES || stoppedEarly() ? Future.<Void>succeededFuture() : page(n + 1),
                e -> {
                    if (e instanceof ItemError ie) {
                        skipped = true;
                        problems.add(new PollResult.Problem("douyin video " + itemId, ie.getMessage()));
                        return Future.succeededFuture();
                    }
                    return Future.failedFuture(e);
                });
    }

    private boolean stoppedEarly() {
        return !api.hasBudget();
    }

    /** Running totals of the replies read this round. */
    private record Acc(Mark top, Map<String, Long> counts) { }

    private Future<Acc> replies(List<NewestFirstScan.Item<JsonNode>> read, int i, Mark top, Map<String, Long> counts) {
        if (i >= read.size()) {
            return Future.succeededFuture(new Acc(top, counts));
        }
        NewestFirstScan.Item<JsonNode> c = read.get(i);
        long total = c.body().path("reply_comment_total").asLong(0);
        if (total <= 0) {
            return replies(read, i + 1, top, counts);
        }
        if (Long.valueOf(total).equals(thread.replyCounts().get(c.id()))) {
            counts.put(c.id(), total);
            return replies(read, i + 1, top, counts);
        }
        List<Mention> found = new ArrayList<>();
        return replyPages(c.id(), 0, 0, top, found).compose(newTop -> {
            mentions.addAll(found);
            counts.put(c.id(), total);
            return replies(read, i + 1, newTop, counts);
        }, e -> {
            if (e instanceof ItemError ie) {
                // Not counted: the next round reads this comment's replies again.
                problems.add(new PollResult.Problem("douyin comment " + c.id(), ie.getMessage()));
                return replies(read, i + 1, top, counts);
            }
            return Future.failedFuture(e);
        });
    }

    private Future<Mark> replyPages(String commentId, long cursor, int n, Mark top, List<Mention> found) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("open_id", settings.openId());
        q.put("item_id", itemId);
        q.put("comment_id", commentId);
        q.put("cursor", String.valueOf(cursor));
        q.put("count", String.valueOf(Math.min(settings.pageSize(), 20)));
        return api.get(REPLIES, q).compose(data -> {
            Mark t = top;
            for (JsonNode r : data.path("list")) {
                String id = r.path("comment_id").asText();
                long created = r.path("create_time").asLong();
                // Pages of one reply list can overlap when replies arrive meanwhile: keep the first copy.
                if (!thread.replies().covers(created, id) && !contains(found, id)) {
                    found.add(DouyinMapper.reply(r, itemId, commentId));
                    t = t.raise(created, id);
                }
            }
            long next = data.path("cursor").asLong(0);
            boolean more = data.path("has_more").asBoolean(false) && next != cursor && n + 1 < MAX_REPLY_PAGES;
            return more ? replyPages(commentId, next, n + 1, t, found) : Future.succeededFuture(t);
        });
    }

    private static boolean contains(List<Mention> found, String id) {
        return found.stream().anyMatch(m -> m.id().equals(id));
    }
}
