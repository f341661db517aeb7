package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Where the comment feed stands on one video. {@code comments} is the scan of its comment list.
 * Replies are read per comment, so they get one watermark per video: {@code replies} covers every reply
 * returned in finished rounds, {@code repliesTop} the newest returned in the round under way.
 * {@code replyCounts} holds the reply totals of the comments read last round: a comment's replies are
 * read again only when its total changed, which keeps the calls per round close to one page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VideoThread(ScanState comments, Mark replies, Mark repliesTop, Map<String, Long> replyCounts,
                   Map<String, Long> replyCountsNow) {
    static final VideoThread FRESH = new VideoThread(ScanState.FRESH, Mark.NONE, null, Map.of(), null);

    VideoThread {
        comments = comments == null ? ScanState.FRESH : comments;
        replies = replies == null ? Mark.NONE : replies;
        replyCounts = replyCounts == null ? Map.of() : Map.copyOf(replyCounts);
        replyCountsNow = replyCountsNow == null ? null : Map.copyOf(replyCountsNow);
    }

    /** The thread after one comment page and the replies read for it. */
    VideoThread afterPage(ScanState next, Mark top, Map<String, Long> countsNow) {
        VideoThread t = new VideoThread(next, replies, top, replyCounts, countsNow);
        return next.inProgress() ? t : t.endRound();
    }

    /** A finished round: its replies join the watermark and its reply totals become the reference. */
    private VideoThread endRound() {
        Mark done = repliesTop == null ? replies : replies.max(repliesTop);
        return new VideoThread(comments, done, null, replyCountsNow == null ? Map.of() : replyCountsNow, null);
    }
}
