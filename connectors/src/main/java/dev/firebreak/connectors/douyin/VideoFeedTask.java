package dev.firebreak.connectors.douyin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.pacing.PollPacer;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.core.Mention;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The business account's videos, one page per poll. The cursor is a {@link ScanState}. */
final class VideoFeedTask extends DouyinTask {
    static final String PATH = "/api/douyin/v1/video/video_list/";

    private final DouyinSettings settings;
    private final KnownVideos known;
    private final PollPacer pacer;

    VideoFeedTask(DouyinApi api, DouyinSettings settings, KnownVideos known) {
        super(api);
        this.settings = settings;
        this.known = known;
        this.pacer = new PollPacer(settings.minInterval(), settings.maxInterval());
    }

    @Override
    public Future<PollResult> poll(String cursor) {
        ScanState state;
        try {
            state = DouyinCursors.read(cursor, ScanState.class, ScanState.FRESH);
        } catch (PlatformException e) {
            return Future.failedFuture(e);
        }
        if (!api.hasBudget()) {
            return idle(cursor, api.budgetWait());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("open_id", settings.openId());
        query.put("cursor", String.valueOf(state.nextPage()));
        query.put("count", String.valueOf(Math.min(settings.pageSize(), 20)));
        return api.get(PATH, query)
                .recover(e -> Future.failedFuture(e instanceof ItemError i ? i.asFailure() : e))
                .map(data -> page(state, data));
    }

    private PollResult page(ScanState state, JsonNode data) {
        List<NewestFirstScan.Item<JsonNode>> items = new ArrayList<>();
        for (JsonNode v : data.path("list")) {
            String id = v.path("item_id").asText();
            long created = v.path("create_time").asLong();
            known.add(id, created);
            items.add(new NewestFirstScan.Item<>(id, created, v.path("is_top").asBoolean(false), v));
        }
        NewestFirstScan.Step<JsonNode> step = NewestFirstScan.step(state, items, data.path("has_more").asBoolean(false),
                data.path("cursor").asLong(0));
        List<Mention> mentions = step.fresh().stream().map(i -> DouyinMapper.video(i.body(), settings.openId())).toList();
        Duration after = step.finished() ? pacer.after(step.scanFoundNew()) : Duration.ZERO;
        return new PollResult(mentions, List.of(), DouyinCursors.write(step.next()), after, false);
    }
}
