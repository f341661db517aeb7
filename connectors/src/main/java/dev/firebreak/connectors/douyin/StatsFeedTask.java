package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connect.api.Watchlist;
import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Statistics of the account's videos as counter observations: each poll asks {@code video_data} for
 * the videos that are due (at most {@link #BATCH}); each video's interval decays while its counters
 * stand still (see {@link Tracked}), and videos in open stories stay on the shortest interval. The
 * cursor is {@code {"videos":{item_id: Tracked}}}; it holds no mentions.
 */
final class StatsFeedTask extends DouyinTask {
    static final String PATH = "/api/douyin/v1/video/video_data/";
    static final int BATCH = 20;

    /** The cursor. */
    record StatsCursor(Map<String, Tracked> videos) {
        StatsCursor {
            videos = videos == null ? Map.of() : new TreeMap<>(videos);
        }
    }

    private final DouyinSettings settings;
    private final KnownVideos known;
    private final Watchlist watchlist;
    private final LongSupplier clock;

    StatsFeedTask(DouyinApi api, DouyinSettings settings, KnownVideos known, Watchlist watchlist, LongSupplier clock) {
        super(api);
        this.settings = settings;
        this.known = known;
        this.watchlist = watchlist;
        this.clock = clock;
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        StatsCursor c;
        try {
            c = DouyinCursors.read(cursor, StatsCursor.class, new StatsCursor(Map.of()));
        } catch (PlatformException e) {
            return Future.failedFuture(e);
        }
        // The watchlist only speeds videos up; without it every known video is still followed.
        return watchlist.open(Platform.DOUYIN).otherwise(List.of()).compose(open -> {
            Set<String> watched = new HashSet<>();
            open.forEach(p -> watched.add(p.nativeId()));
            return pollDue(cursor, c, watched);
        });
    }

    private Future<PollResult> pollDue(String cursor, StatsCursor c, Set<String> watched) {
        long now = clock.getAsLong();
        Map<String, Tracked> all = new TreeMap<>(c.videos());
        long min = settings.minInterval().toMillis();
        for (String id : known.ids()) {
            all.putIfAbsent(id, new Tracked(0, min, null));
        }
        all.replaceAll((id, t) -> watched.contains(id) && t.everyMs() > min ? new Tracked(Math.min(t.due(), now), t.everyMs(), t.last()) : t);
        List<String> due = all.entrySet().stream().filter(e -> e.getValue().due() <= now)
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.due(), b.due())))
                .map(Map.Entry::getKey).limit(BATCH).toList();
        if (due.isEmpty()) {
            return idle(all.isEmpty() ? cursor : DouyinCursors.write(new StatsCursor(all)), untilNext(all, now));
        }
        if (!api.hasBudget()) {
            return idle(cursor, api.budgetWait());
        }
        JsonObject body = new JsonObject().put("item_ids", new JsonArray(new ArrayList<Object>(due)));
        return api.post(PATH, Map.of("open_id", settings.openId()), body)
                .map(data -> observe(data, due, all, watched, now))
                .recover(e -> {
                    if (e instanceof ItemError ie) {
                        due.forEach(id -> all.put(id, all.get(id).unanswered(now, settings.maxInterval())));
                        return Future.succeededFuture(new PollResult(List.of(), List.of(new PollResult.Problem(
                                "douyin video_data", ie.getMessage())), DouyinCursors.write(new StatsCursor(all)),
                                untilNext(all, now), false));
                    }
                    return Future.failedFuture(e);
                });
    }

    private PollResult observe(JsonNode data, List<String> due, Map<String, Tracked> all, Set<String> watched, long now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), DouyinMapper.CHINA);
        List<CounterObservation> observations = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (JsonNode v : data.path("list")) {
            String id = v.path("item_id").asText();
            Tracked t = all.get(id);
            if (t == null || !answered.add(id)) {
                continue; // not asked for
            }
            Metrics m = DouyinMapper.videoMetrics(v.path("statistics"));
            observations.add(new CounterObservation(Mention.key(Platform.DOUYIN, id), at, m));
            all.put(id, t.next(now, m, settings.minInterval(), settings.maxInterval(), watched.contains(id)));
        }
        for (String id : due) {
            if (!answered.contains(id)) {
                all.put(id, all.get(id).unanswered(now, settings.maxInterval()));
            }
        }
        return new PollResult(List.of(), List.of(), DouyinCursors.write(new StatsCursor(all)), untilNext(all, now),
                false, observations);
    }

    private Duration untilNext(Map<String, Tracked> all, long now) {
        long next = all.values().stream().mapToLong(Tracked::due).min().orElse(now + settings.minInterval().toMillis());
        return Duration.ofMillis(Math.max(0, next - now));
    }
}
