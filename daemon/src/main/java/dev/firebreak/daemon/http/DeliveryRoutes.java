package dev.firebreak.daemon.http;

import dev.firebreak.daemon.web.Access;
import dev.firebreak.daemon.web.Caller;
import dev.firebreak.daemon.web.Replies;
import dev.firebreak.daemon.web.Route;
import dev.firebreak.daemon.web.RouteGroup;

import dev.firebreak.delivery.DeliveryService;
import dev.firebreak.delivery.DeliveryStore;
import dev.firebreak.delivery.Dispatcher;
import dev.firebreak.delivery.Endpoint;
import dev.firebreak.delivery.EndpointState;
import dev.firebreak.delivery.Masked;
import dev.firebreak.delivery.TrackedDelivery;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

/**
 * Where alerts went: {@code GET /api/channels} (every endpoint, masked, with its state, breaker,
 * queued and dead counts), {@code POST /api/channels/{id}/enable}, {@code GET /api/deliveries
 * ?endpoint=&alert=&limit=} (with attempts), {@code GET /api/dead-letters?endpoint=} and
 * {@code POST /api/dead-letters/{id}/redeliver}. Admins see every endpoint; a pr user only their
 * own subscriptions; an agent none. Redis work runs off the event loop.
 */
public final class DeliveryRoutes implements RouteGroup {
    /** How many of an endpoint's latest deliveries a listing looks through. */
    private static final int SCAN = 500;
    private final Vertx vertx;
    private final DeliveryService service;

    public DeliveryRoutes(Vertx vertx, DeliveryService service) {
        this.vertx = vertx;
        this.service = service;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/channels", Access.PR, "every delivery endpoint (configured channels and subscriptions),"
                        + " masked, with its state, breaker, queued and dead counts", this::channels),
                Route.post("/api/channels/:id/enable", Access.ADMIN,
                        "enable again an endpoint that was disabled (its receiver answered 410 Gone)", this::enable),
                Route.get("/api/deliveries", Access.PR, "the latest deliveries, newest first, with their attempts", this::deliveries),
                Route.get("/api/dead-letters", Access.PR,
                        "deliveries that gave up (retries spent, or refused for good), with their attempts", this::deadLetters),
                Route.post("/api/dead-letters/:id/redeliver", Access.ADMIN, "queue a dead letter again, as a new first try",
                        this::redeliver));
    }

    @Override
    public List<dev.firebreak.daemon.web.AccessTable.Entry> guards() {
        // pr users read the listings (the routes show them their own); anything else here is admin's.
        return java.util.stream.Stream.of("/api/channels", "/api/deliveries", "/api/dead-letters")
                .flatMap(p -> java.util.stream.Stream.of(RouteGroup.guard("*", p, Access.ADMIN),
                        RouteGroup.guard("*", p + "/*", Access.ADMIN)))
                .toList();
    }

    private void channels(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        run(ctx, () -> {
            JsonArray out = new JsonArray();
            visible(who).forEach(e -> out.add(channel(e)));
            return new JsonObject().put("channels", out);
        });
    }

    private JsonObject channel(Endpoint e) {
        DeliveryStore store = service.store();
        Dispatcher d = service.dispatcher(e.id());
        EndpointState s = d == null ? store.endpointState(e.id()) : d.state();
        long now = service.clock().now();
        JsonArray secrets = new JsonArray();
        e.secrets().forEach(x -> secrets.add(Masked.secret(x)));
        return new JsonObject().put("id", e.id()).put("type", e.type()).put("channel", e.channel())
                .put("url", Masked.url(e.url())).put("secrets", secrets).put("owner", e.owner())
                .put("allowPrivate", e.allowPrivate())
                .put("perMinute", e.receiver().perMinute() == Integer.MAX_VALUE ? null : e.receiver().perMinute())
                .put("state", s.disabledReason() == null ? "enabled" : "disabled").put("disabledReason", s.disabledReason())
                .put("breaker", s.breaker(now)).put("queued", store.pendingCount(e.id())).put("dead", store.deadCount(e.id()));
    }

    private void enable(RoutingContext ctx) {
        if (Caller.of(ctx).refuse(ctx, true)) return;
        String id = ctx.pathParam("id");
        run(ctx, () -> {
            if (!service.enable(id)) {
                throw new NoSuchElementException("no channel or subscription \"" + id + "\"");
            }
            return new JsonObject().put("id", id).put("state", "enabled");
        });
    }

    private void deliveries(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        String endpoint = ctx.request().getParam("endpoint");
        String alert = ctx.request().getParam("alert");
        int limit = QueryParams.clampedInt(ctx, "limit", 50, 1, 500);
        run(ctx, () -> {
            DeliveryStore store = service.store();
            JsonArray out = new JsonArray();
            visible(who).stream().filter(e -> endpoint == null || e.id().equals(endpoint))
                    .flatMap(e -> store.recent(e.id(), SCAN).stream())
                    .filter(t -> alert == null || alert.equals(t.delivery().alertId()))
                    .sorted(Comparator.comparingLong((TrackedDelivery t) -> t.delivery().createdAt()).reversed())
                    .limit(limit).forEach(t -> out.add(view(t, store)));
            return new JsonObject().put("deliveries", out);
        });
    }

    private void deadLetters(RoutingContext ctx) {
        Caller who = Caller.of(ctx);
        if (who.refuse(ctx, false)) return;
        String endpoint = ctx.request().getParam("endpoint");
        run(ctx, () -> {
            DeliveryStore store = service.store();
            JsonArray out = new JsonArray();
            visible(who).stream().filter(e -> endpoint == null || e.id().equals(endpoint))
                    .flatMap(e -> store.deadLetters(e.id()).stream()).forEach(t -> out.add(view(t, store)));
            return new JsonObject().put("deadLetters", out);
        });
    }

    private void redeliver(RoutingContext ctx) {
        if (Caller.of(ctx).refuse(ctx, true)) return;
        String id = ctx.pathParam("id");
        run(ctx, () -> {
            if (!service.redeliver(id)) {
                throw new NoSuchElementException("no dead letter \"" + id + "\"");
            }
            return new JsonObject().put("id", id).put("status", TrackedDelivery.PENDING);
        });
    }

    private List<Endpoint> visible(Caller who) {
        return service.endpoints().values().stream().filter(e -> who.admin() || (who.user() != null && who.user().equals(e.owner())))
                .sorted(Comparator.comparing(Endpoint::id)).toList();
    }

    static JsonObject view(TrackedDelivery t, DeliveryStore store) {
        JsonObject o = t.toJson();
        o.remove("alert");
        o.put("createdAt", iso(o.getLong("createdAt"))).put("finishedAt", iso(o.getLong("finishedAt")))
                .put("nextAt", TrackedDelivery.PENDING.equals(t.status()) ? iso(o.getLong("nextAt")) : null);
        JsonArray attempts = new JsonArray();
        store.attempts(t.id()).forEach(a -> attempts.add(a.copy().put("at", iso(a.getLong("at")))
                .put("nextAttempt", iso(a.getLong("nextAttempt")))));
        return o.put("attempts", attempts);
    }

    private static String iso(Long millis) {
        return millis == null || millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
    }

    private void run(RoutingContext ctx, Callable<JsonObject> work) {
        vertx.executeBlocking(work).onSuccess(body -> Replies.json(ctx, 200, body)).onFailure(e -> Replies.json(ctx,
                e instanceof NoSuchElementException ? 404 : e instanceof IllegalArgumentException ? 400 : 500,
                Replies.error(String.valueOf(e.getMessage()))));
    }
}
