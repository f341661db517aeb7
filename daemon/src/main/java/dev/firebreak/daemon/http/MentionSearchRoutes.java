package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;
import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.store.MentionFilter;
import dev.firebreak.store.MentionStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.List;

/**
 * Search over the index. {@code GET /api/mentions?q=&from=&to=&limit=} → {@code {"total","hits"}};
 * {@code GET /api/mentions/histogram?q=&from=&to=&buckets=} → {@code {"from","width","counts"}}. Both
 * take the filters {@code platform}, {@code sentiment} (label), {@code emotion} and {@code complaint}.
 * A query that does not parse, a bad time or filter is a 400 that says which and why.
 */
public final class MentionSearchRoutes implements RouteGroup {
    private final Vertx vertx;
    private final MentionStore index;

    public MentionSearchRoutes(Vertx vertx, MentionStore index) {
        this.vertx = vertx;
        this.index = index;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/mentions/histogram", Access.ALL,
                        "how many mentions match, in equal time buckets (the console's volume chart)", this::histogram),
                Route.get("/api/mentions", Access.ALL, "search mentions with the index's query syntax", this::search));
    }

    @Override
    public List<dev.firebreak.daemon.web.AccessTable.Entry> guards() {
        return List.of(RouteGroup.guard("GET", "/api/mentions/*", Access.ALL));
    }

    private void search(RoutingContext ctx) {
        int limit = QueryParams.clampedInt(ctx, "limit", 20, 1, 500);
        answer(ctx, () -> {
            Request r = request(ctx);
            return FirebreakJson.write(index.search(r.q, r.filter, r.from, r.to, limit));
        });
    }

    private void histogram(RoutingContext ctx) {
        int buckets = QueryParams.clampedInt(ctx, "buckets", 48, 1, 500);
        answer(ctx, () -> {
            Request r = request(ctx);
            return FirebreakJson.write(index.histogram(r.q, r.filter, r.from, r.to, buckets));
        });
    }

    /** Runs the search off the event loop; bad input (IllegalArgumentException) is a 400. */
    private void answer(RoutingContext ctx, Callable<String> work) {
        vertx.executeBlocking(work, false)
                .onSuccess(body -> Replies.json(ctx, 200, body))
                .onFailure(err -> Replies.json(ctx, err instanceof IllegalArgumentException ? 400 : 500,
                        Replies.error(err.getMessage())));
    }

    private record Request(String q, MentionFilter filter, long from, long to) { }

    private static Request request(RoutingContext ctx) {
        var p = ctx.request();
        MentionFilter filter = new MentionFilter(p.getParam("platform"), p.getParam("sentiment"), p.getParam("emotion"),
                p.getParam("complaint"));
        long from = QueryParams.time(ctx, "from", Long.MIN_VALUE);
        long to = QueryParams.time(ctx, "to", Long.MAX_VALUE);
        if (from > to) {
            throw new IllegalArgumentException("from: " + p.getParam("from") + " is after to: " + p.getParam("to"));
        }
        return new Request(p.getParam("q", ""), filter, from, to);
    }
}
