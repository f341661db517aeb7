package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.store.MentionStore;
import dev.firebreak.analysis.escalation.EscalationDetector;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/stories/{id}/mentions?limit=500}: a story's mentions in event order, each as its
 * scored mention plus {@code kol} (author with at least 100,000 followers) and {@code highlights}
 * (the escalation words in its text, when the detector read an escalation there), for the console.
 */
public final class StoryMentionsRoute implements RouteGroup {
    static final long KOL_FOLLOWERS = 100_000;
    private final Vertx vertx;
    private final MentionStore index;
    private final List<String> phrases = EscalationDetector.load().highlightPhrases();

    public StoryMentionsRoute(Vertx vertx, MentionStore index) {
        this.vertx = vertx;
        this.index = index;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/stories/:id/mentions", Access.ALL, "a story's mentions in event order, each with kol"
                + " (100,000 followers or more) and the escalation words in its text", this::mentions));
    }

    private void mentions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int limit;
        try {
            limit = Math.max(1, Math.min(5000, Integer.parseInt(ctx.request().getParam("limit", "500"))));
        } catch (NumberFormatException e) {
            Replies.json(ctx, 400, Replies.error("limit: expected a number, got \"" + ctx.request().getParam("limit") + "\""));
            return;
        }
        vertx.executeBlocking(() -> {
            List<ScoredMention> found = index.story(id, limit).stream()
                    .sorted(Comparator.comparing((ScoredMention m) -> m.mention().createdAt().toInstant())
                            .thenComparing(ScoredMention::key))
                    .toList();
            JsonArray out = new JsonArray();
            found.forEach(m -> out.add(describe(m)));
            return new JsonObject().put("storyId", id).put("mentions", out);
        }, false).onSuccess(body -> {
            if (body.getJsonArray("mentions").isEmpty()) Replies.json(ctx, 404, Replies.error("no story \"" + id + "\""));
            else Replies.json(ctx, 200, body);
        }).onFailure(ctx::fail);
    }

    private JsonObject describe(ScoredMention m) {
        JsonObject json = new JsonObject(dev.firebreak.core.FirebreakJson.write(m));
        json.put("kol", m.mention().author().followers() >= KOL_FOLLOWERS);
        JsonArray highlights = new JsonArray();
        String text = m.mention().text();
        if (m.analysis() != null && m.analysis().escalation() != null && text != null) {
            phrases.stream().filter(text::contains).forEach(highlights::add);
        }
        return json.put("highlights", highlights);
    }
}
