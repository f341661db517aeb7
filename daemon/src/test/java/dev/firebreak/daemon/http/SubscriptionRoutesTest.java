package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.delivery.DeliveryService;
import dev.firebreak.delivery.DeliveryStore;
import dev.firebreak.delivery.RetryPolicy;
import dev.firebreak.delivery.SystemDeliveryClock;
import dev.firebreak.delivery.webhook.Subscription;
import dev.firebreak.delivery.webhook.Subscriptions;
import dev.firebreak.state.redis.RedisDeliveryRecords;
import dev.firebreak.state.redis.RedisSubscriptionRecords;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PR subscriptions over HTTP with the caller the authentication handler names ({@code fb.user},
 * {@code fb.role}; here taken from test headers): own ones only for pr, all for an admin, none for an agent.
 */
class SubscriptionRoutesTest {
    static final String PUBLIC_URL = "https://93.184.215.14/hooks";   // a literal public address: no DNS needed
    static final HttpClient HTTP = HttpClient.newHttpClient();

    Vertx vertx;
    HttpServer server;
    SystemDeliveryClock clock;
    Subscriptions subscriptions;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        clock = new SystemDeliveryClock();
        String ns = "test:" + UUID.randomUUID() + ":";
        DeliveryService service = new DeliveryService(new DeliveryStore(new RedisDeliveryRecords(TestRedis.connection(), ns)), clock, RetryPolicy.standard());
        subscriptions = new Subscriptions(new RedisSubscriptionRecords(TestRedis.connection(), ns), service, WebClient.create(vertx),
                Set.of("agents", "pr-oncall", "supervisor"));
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.put("fb.user", ctx.request().getHeader("X-Test-User"));
            ctx.put("fb.role", ctx.request().getHeader("X-Test-Role"));
            ctx.next();
        });
        new SubscriptionRoutes(vertx, subscriptions).mount(router);
        new DeliveryRoutes(vertx, service).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        clock.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> call(String user, String role, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) b.header("X-Test-User", user);
        if (role != null) b.header("X-Test-Role", role);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPrUserManagesOnlyTheirOwnSubscriptions() throws Exception {
        HttpResponse<String> made = call("alice", "pr", "POST", "/api/subscriptions",
                "{\"url\":\"" + PUBLIC_URL + "\",\"description\":\"PR desk\"}");
        assertEquals(201, made.statusCode(), made.body());
        JsonObject sub = new JsonObject(made.body());
        String id = sub.getString("id");
        String secret = sub.getString("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals("pr-oncall", sub.getString("channel"), "the default channel");
        assertEquals("alice", sub.getString("owner"));

        String listed = call("alice", "pr", "GET", "/api/subscriptions", null).body();
        assertFalse(listed.contains(secret.substring(6)), "the secret is shown once, then masked: " + listed);
        JsonArray mine = new JsonObject(listed).getJsonArray("subscriptions");
        assertEquals(1, mine.size());
        assertEquals("whsec_…" + secret.substring(secret.length() - 4),
                mine.getJsonObject(0).getJsonArray("secrets").getJsonObject(0).getString("secret"));
        assertEquals(0, new JsonObject(call("bob", "pr", "GET", "/api/subscriptions", null).body())
                .getJsonArray("subscriptions").size(), "bob sees none of alice's");
        assertEquals(1, new JsonObject(call("root", "admin", "GET", "/api/subscriptions", null).body())
                .getJsonArray("subscriptions").size(), "an admin sees all");
        assertEquals(404, call("bob", "pr", "DELETE", "/api/subscriptions/" + id, null).statusCode());
        assertEquals(404, call("bob", "pr", "POST", "/api/subscriptions/" + id + "/rotate", null).statusCode());
        JsonArray aliceChannels = new JsonObject(call("alice", "pr", "GET", "/api/channels", null).body()).getJsonArray("channels");
        assertEquals(1, aliceChannels.size());
        assertEquals(id, aliceChannels.getJsonObject(0).getString("id"));

        HttpResponse<String> rotated = call("alice", "pr", "POST", "/api/subscriptions/" + id + "/rotate", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String next = new JsonObject(rotated.body()).getString("secret");
        Subscription s = subscriptions.find(id, "alice");
        long now = System.currentTimeMillis();
        assertEquals(java.util.List.of(next, secret), s.secretsAt(now), "both sign during the rotation, the new one first");
        assertEquals(java.util.List.of(next), s.secretsAt(now + Subscriptions.OLD_SECRET_LIFETIME.toMillis() + 60_000),
                "the old one stops after a day");

        assertEquals(200, call("alice", "pr", "DELETE", "/api/subscriptions/" + id, null).statusCode());
        assertEquals(0, subscriptions.visibleTo(null).size());
    }

    @Test
    void refusals() throws Exception {
        HttpResponse<String> loopback = call("alice", "pr", "POST", "/api/subscriptions", "{\"url\":\"http://127.0.0.1:9/x\"}");
        assertEquals(400, loopback.statusCode());
        assertEquals("url: refused: 127.0.0.1 is a loopback address (an admin may allow private addresses for this"
                + " channel with allowPrivate: true)", new JsonObject(loopback.body()).getString("error"));
        assertEquals(403, call("alice", "pr", "POST", "/api/subscriptions",
                "{\"url\":\"http://127.0.0.1:9/x\",\"allowPrivate\":true}").statusCode());
        assertEquals(201, call("root", "admin", "POST", "/api/subscriptions",
                "{\"url\":\"http://127.0.0.1:9/x\",\"allowPrivate\":true}").statusCode(), "an admin may");
        HttpResponse<String> channel = call("alice", "pr", "POST", "/api/subscriptions",
                "{\"url\":\"" + PUBLIC_URL + "\",\"channel\":\"nope\"}");
        assertEquals("channel: unknown channel \"nope\" (expected one of agents, pr-oncall, supervisor)",
                new JsonObject(channel.body()).getString("error"));
        assertEquals(400, call("alice", "pr", "POST", "/api/subscriptions", "[1").statusCode());
        HttpResponse<String> agent = call("ana", "agent", "GET", "/api/subscriptions", null);
        assertEquals(403, agent.statusCode());
        assertEquals("forbidden: role agent may not GET /api/subscriptions", new JsonObject(agent.body()).getString("error"));
        assertEquals(403, call("ana", "agent", "GET", "/api/channels", null).statusCode());
        assertEquals(403, call("alice", "pr", "POST", "/api/channels/pr-oncall/enable", null).statusCode());
        assertEquals(403, call("alice", "pr", "POST", "/api/dead-letters/x/redeliver", null).statusCode());
    }
}
