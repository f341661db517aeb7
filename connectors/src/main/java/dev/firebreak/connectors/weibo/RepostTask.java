package dev.firebreak.connectors.weibo;

import dev.firebreak.core.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.PollTask;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Follows the posts of open stories: reads each one's {@code statuses/repost_timeline} (every repost
 * with its own time and its reposter's followers: the cascade the virality forecast needs) and, once
 * caught up, its counters from {@code statuses/count}, recorded as observations with their time. A
 * post whose counters stop moving is looked at less and less often; one that was deleted is dropped.
 */
final class RepostTask implements PollTask {
    private final WeiboClient client;
    private final WeiboSettings settings;
    private final Watchlist watchlist;
    private final InstantSource clock;
    private volatile boolean stopped;

    RepostTask(Vertx vertx, WeiboSettings settings, Watchlist watchlist, InstantSource clock) {
        this.client = new WeiboClient(vertx, settings);
        this.settings = settings;
        this.watchlist = watchlist;
        this.clock = clock;
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        FollowedPosts saved;
        try {
            saved = FollowedPosts.parse(cursor);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new PlatformException(ErrorAction.FATAL, null, null, "weibo reposts: " + e.getMessage()));
        }
        return watchlist.open(Platform.WEIBO).compose(open -> {
            FollowedPosts posts = saved.merge(open, settings.minInterval());
            long now = clock.millis();
            var due = posts.dueBy(now);
            if (stopped || due.isEmpty()) {
                Duration wait = posts.untilNextDue(now);
                return Future.succeededFuture(idle(posts, wait == null ? settings.maxInterval() : wait));
            }
            if (!client.takeCall()) {
                return Future.succeededFuture(idle(posts, client.budgetWait()));
            }
            return follow(posts, due.get().getKey(), due.get().getValue(), now);
        });
    }

    private Future<PollResult> follow(FollowedPosts posts, String id, FollowedPosts.Post post, long now) {
        IdWalk walk = IdWalk.parse(post.walk());
        Map<String, String> q = walk.query(settings.pageSize());
        q.put("id", id);
        return client.get("/2/statuses/repost_timeline.json", q)
                .compose(body -> afterPage(posts, id, post, walk, body, now))
                .recover(err -> err instanceof PlatformException p && WeiboErrors.unfollowable(p)
                        ? gone(posts, id, p) : Future.failedFuture(err));
    }

    private Future<PollResult> afterPage(FollowedPosts posts, String id, FollowedPosts.Post post, IdWalk walk,
                                         JsonNode body, long now) {
        List<Mention> page = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (JsonNode repost : body.path("reposts")) {
            long rid = WeiboMapper.longId(repost);
            if (rid > walk.since()) {
                ids.add(rid);
                page.addAll(WeiboMapper.status(repost));
            }
        }
        IdWalk next = walk.after(ids, body.path("next_cursor").asLong(0));
        List<Mention> mentions = WeiboMapper.distinct(page);
        if (next.walking() || !client.takeCall()) {
            posts.put(id, new FollowedPosts.Post(next.toString(), now, post.every(), post.reposts(), post.comments(),
                    post.likes()));
            return Future.succeededFuture(result(posts, mentions, List.of(), now));
        }
        return client.get("/2/statuses/count.json", Map.of("ids", id)).map(counts -> {
            JsonNode c = counts.isArray() ? counts.path(0) : counts;
            Metrics m = new Metrics(c.path("reposts").asLong(), c.path("comments").asLong(), c.path("attitudes").asLong(), 0, 0);
            boolean moved = !ids.isEmpty() || m.reposts() != post.reposts() || m.comments() != post.comments()
                    || m.likes() != post.likes();
            long every = moved ? settings.minInterval().toMillis()
                    : Math.min(post.every() * 2, settings.maxInterval().toMillis());
            posts.put(id, new FollowedPosts.Post(next.toString(), now + every, every, m.reposts(), m.comments(), m.likes()));
            OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), ChinaTime.OFFSET);
            return result(posts, mentions, List.of(new CounterObservation(Mention.key(Platform.WEIBO, id), at, m)), now);
        });
    }

    private Future<PollResult> gone(FollowedPosts posts, String id, PlatformException e) {
        posts.remove(id);
        return Future.succeededFuture(new PollResult(List.of(),
                List.of(new PollResult.Problem("weibo post " + id, (WeiboErrors.itemGone(e) ? "no longer there"
                        : "its reposts are not readable with this token") + " (" + e.code() + "), stopped following it")),
                posts.toString(), Duration.ZERO, false));
    }

    private PollResult result(FollowedPosts posts, List<Mention> mentions, List<CounterObservation> obs, long now) {
        Duration wait = posts.untilNextDue(now);
        return new PollResult(mentions, List.of(), posts.toString(), wait == null ? settings.maxInterval() : wait,
                false, obs);
    }

    private static PollResult idle(FollowedPosts posts, Duration wait) {
        return PollResult.nothing(posts.toString(), wait);
    }

    @Override
    public void stop() {
        stopped = true;
        client.close();
    }
}
