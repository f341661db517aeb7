package dev.firebreak.connectors.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.pacing.PollPacer;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls one of the account's timelines ({@code statuses/mentions}, {@code comments/mentions},
 * {@code comments/to_me}) one page a poll, walking down from the newest page to the last saved
 * high-water mark (see {@link IdWalk}). Quiet timelines are polled less often, busy ones more.
 */
final class TimelineTask implements PollTask {
    private final WeiboTimeline timeline;
    private final WeiboClient client;
    private final WeiboSettings settings;
    private final PollPacer pacer;
    private volatile boolean stopped;

    TimelineTask(Vertx vertx, WeiboTimeline timeline, WeiboSettings settings) {
        this.timeline = timeline;
        this.settings = settings;
        this.client = new WeiboClient(vertx, settings);
        this.pacer = new PollPacer(settings.minInterval(), settings.maxInterval());
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        IdWalk walk;
        try {
            walk = IdWalk.parse(cursor);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new PlatformException(dev.firebreak.connect.api.ErrorAction.FATAL, null, null,
                    "weibo " + timeline.path() + ": saved cursor \"" + cursor + "\" is not a Weibo cursor"));
        }
        if (stopped) {
            return Future.succeededFuture(PollResult.nothing(cursor, Duration.ZERO));
        }
        if (!client.takeCall()) {
            return Future.succeededFuture(PollResult.nothing(cursor, client.budgetWait()));
        }
        return client.get(timeline.path(), walk.query(settings.pageSize())).map(body -> page(walk, body));
    }

    private PollResult page(IdWalk walk, JsonNode body) {
        List<Mention> mentions = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<PollResult.Problem> problems = new ArrayList<>();
        for (JsonNode item : body.path(timeline.listKey())) {
            try {
                long id = WeiboMapper.longId(item);
                if (id <= walk.since()) {
                    continue; // seen before the walk began
                }
                ids.add(id);
                mentions.addAll(timeline.isComments() ? WeiboMapper.comment(item) : WeiboMapper.status(item));
            } catch (RuntimeException e) {
                problems.add(new PollResult.Problem("weibo " + timeline.path() + " item " + WeiboMapper.id(item),
                        e.getMessage()));
            }
        }
        IdWalk next = walk.after(ids, body.path("next_cursor").asLong(0));
        Duration again = next.walking() ? Duration.ZERO : pacer.after(!ids.isEmpty());
        return new PollResult(WeiboMapper.distinct(mentions), problems, next.toString(), again, false);
    }

    @Override
    public void stop() {
        stopped = true;
        client.close();
    }
}
