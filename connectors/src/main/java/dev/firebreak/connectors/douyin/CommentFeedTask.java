package dev.firebreak.connectors.douyin;

import dev.firebreak.connectors.pacing.PollPacer;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.TreeSet;

/**
 * Comments and replies on the account's videos, one video per poll, visiting the videos in id order
 * and then waiting (paced by whether the cycle found anything). The cursor is a {@link CommentCursor}.
 */
final class CommentFeedTask extends DouyinTask {
    private final DouyinSettings settings;
    private final KnownVideos known;
    private final PollPacer pacer;

    CommentFeedTask(DouyinApi api, DouyinSettings settings, KnownVideos known) {
        super(api);
        this.settings = settings;
        this.known = known;
        this.pacer = new PollPacer(settings.minInterval(), settings.maxInterval());
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        CommentCursor c;
        try {
            c = DouyinCursors.read(cursor, CommentCursor.class, CommentCursor.START);
        } catch (PlatformException e) {
            return Future.failedFuture(e);
        }
        TreeSet<String> followed = new TreeSet<>(c.videos().keySet());
        followed.addAll(known.ids());
        if (followed.isEmpty()) {
            return idle(cursor, settings.minInterval());
        }
        if (!api.hasBudget()) {
            return idle(cursor, api.budgetWait());
        }
        String video = c.current() != null && followed.contains(c.current()) ? c.current() : after(followed, c.last());
        CommentRound round = new CommentRound(api, settings, video, c.thread(video));
        return round.run().map(r -> result(c, followed, video, r));
    }

    private PollResult result(CommentCursor c, TreeSet<String> followed, String video, CommentRound r) {
        boolean foundNew = c.newInCycle() || !r.mentions.isEmpty();
        CommentCursor next;
        Duration after;
        if (r.continues()) {
            next = c.with(video, r.thread(), c.last(), video, foundNew);
            after = Duration.ZERO;
        } else if (video.equals(followed.last())) {
            next = c.with(video, r.thread(), video, null, false);
            after = pacer.after(foundNew);
        } else {
            next = c.with(video, r.thread(), video, null, foundNew);
            after = Duration.ZERO;
        }
        return new PollResult(r.mentions, r.problems, DouyinCursors.write(next), after, false);
    }

    /** The first video after {@code last} in id order, wrapping round. */
    private static String after(TreeSet<String> followed, String last) {
        String next = last == null ? null : followed.higher(last);
        return next != null ? next : followed.first();
    }
}
