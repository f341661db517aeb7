package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.delivery.ack.AckLinkException;
import dev.firebreak.delivery.ack.AckLinks;
import dev.firebreak.delivery.ack.AckPage;

import dev.firebreak.daemon.alerting.AlertStage;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.pipeline.PipelineRunner;
import dev.firebreak.store.StateStore;
import dev.firebreak.rules.lifecycle.InvalidTransitionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.List;

/**
 * The two public routes of an acknowledge link from a robot message. {@code GET /ack/{token}}: a
 * small page with the alert and a form (or who already acknowledged it); {@code POST /api/ack/{token} {"by":"name"}}: acknowledges it.
 * No login: the link's signature is the authority. A bad or expired link is a 403 that says which.
 */
public final class AckRoutes implements RouteGroup {
    private final Vertx vertx;
    private final PipelineRunner runner;
    private final AlertStage alerts;
    private final StateStore state;
    private final AckLinks links;

    public AckRoutes(Vertx vertx, PipelineRunner runner, AlertStage alerts, StateStore state, AckLinks links) {
        this.vertx = vertx;
        this.runner = runner;
        this.alerts = alerts;
        this.state = state;
        this.links = links;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/ack/:token", Access.PUBLIC, "the page of a robot message's acknowledge link:"
                        + " the alert and a form that posts to /api/ack/{token}", this::page),
                // No login: the link's signature is the authority.
                Route.post("/api/ack/:token", Access.PUBLIC, "acknowledge the alert of a robot message's acknowledge link",
                        4096, this::acknowledge));
    }

    private void page(RoutingContext ctx) {
        AckLinks.Verified link;
        try {
            link = links.verify(ctx.pathParam("token"));
        } catch (AckLinkException e) {
            html(ctx, 403, AckPage.refused(e));
            return;
        }
        // Either read may fail: the page still shows what it has (the id at least) rather than an error.
        Future<JsonObject> alert = Future.fromCompletionStage(state.alert(link.alertId()), vertx.getOrCreateContext())
                .map(json -> json.map(JsonObject::new).orElse(null))
                .recover(e -> Future.succeededFuture(null));
        Future<JsonObject> lifecycle = runner.onWorker(() -> alerts.lifecycle(link.alertId())
                        .map(v -> new JsonObject(v.json())).orElse(null))
                .recover(e -> Future.succeededFuture(null));
        Future.all(alert, lifecycle).onComplete(done -> html(ctx, 200, AckPage.form(link, alert.result(), lifecycle.result())));
    }

    private void acknowledge(RoutingContext ctx) {
        AckLinks.Verified link;
        try {
            link = links.verify(ctx.pathParam("token"));
        } catch (AckLinkException e) {
            Replies.json(ctx, 403, Replies.error(e.getMessage()).put("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        String by;
        try {
            by = ctx.body().length() <= 0 ? null : ctx.body().buffer().toJsonObject().getString("by");
        } catch (DecodeException | ClassCastException e) {
            Replies.json(ctx, 400, Replies.error("the body is not a JSON object like {\"by\":\"your name\"}"));
            return;
        }
        if (by == null || by.isBlank()) {
            Replies.json(ctx, 400, Replies.error("by: say who acknowledges the alert"));
            return;
        }
        String name = by.strip();
        runner.onWorker(() -> alerts.act(link.alertId(), AlertStage.Action.ACKNOWLEDGE, name, null, Instant.now()))
                .onSuccess(l -> Replies.json(ctx, 200, new JsonObject(l.toJson())))
                .onFailure(e -> {
                    if (e instanceof InvalidTransitionException) Replies.json(ctx, 409, Replies.error(e.getMessage()));
                    else if (e instanceof NoSuchElementException) Replies.json(ctx, 404, Replies.error(e.getMessage()));
                    else ctx.fail(e);
                });
    }

    private static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer").end(page);
    }
}
