package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.stories.StoryBook;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.List;

/**
 * {@code GET /api/stories/{id}}: a story's signals, forecast, risk and hourly series.
 * {@code GET /api/stories?sort=risk&limit=N}: the stories that most need a person now.
 * A story not in memory is rebuilt from the index, so both run off the event loop.
 */
public final class StoryRoutes implements RouteGroup {
    private final Vertx vertx;
    private final StoryBook book;

    public StoryRoutes(Vertx vertx, StoryBook book) {
        this.vertx = vertx;
        this.book = book;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/stories", Access.ALL, "the stories that most need a person now", this::list),
                Route.get("/api/stories/:id", Access.ALL, "an incident (story): its signals, forecast, risk and hourly series, its carriers by role (carriers: complainants, kols, media, government, brand) and the brand's responses (brandResponses: at, mentionId, author, platform, earliest first; brandRespondedAt: the first one's time, or null)", this::one));
    }

    @Override
    public List<dev.firebreak.daemon.web.AccessTable.Entry> guards() {
        return List.of(RouteGroup.guard("GET", "/api/stories/*", Access.ALL));
    }

    private void list(RoutingContext ctx) {
        String sort = ctx.request().getParam("sort", "risk");
        if (!sort.equals("risk")) {
            Replies.json(ctx, 400, Replies.error("sort: unknown order \"" + sort + "\" (expected risk)"));
            return;
        }
        int limit = QueryParams.clampedInt(ctx, "limit", 20, 1, 200);
        vertx.executeBlocking(() -> FirebreakJson.write(Map.of("stories", book.byRisk(limit))))
                .onSuccess(body -> Replies.json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> {
            var story = book.get(id);
            return story == null ? null : FirebreakJson.write(story);
        }).onSuccess(body -> {
            if (body == null) {
                Replies.json(ctx, 404, Replies.error("no story \"" + id + "\""));
            } else {
                Replies.json(ctx, 200, body);
            }
        }).onFailure(ctx::fail);
    }
}
