package dev.firebreak.daemon.http;

import dev.firebreak.daemon.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback for daemon tests: answers with {@link #status} and keeps every request. */
final class FakeWebhookServer implements AutoCloseable {
    record Request(String id, String signature, JsonObject body, int answered) { }

    final AtomicInteger status = new AtomicInteger(200);
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    FakeWebhookServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            int s = status.get();
            requests.add(new Request(req.getHeader("webhook-id"), req.getHeader("webhook-signature"),
                    new JsonObject(b.toString(StandardCharsets.UTF_8)), s));
            req.response().setStatusCode(s).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks/firebreak";
    }

    long delivered(String id) {
        return requests.stream().filter(r -> r.id().equals(id) && r.answered() / 100 == 2).count();
    }

    /** Waits up to 20 s for a request matching the test. */
    void await(java.util.function.Predicate<List<Request>> test, String what) {
        Await.until(() -> test.test(requests), Duration.ofSeconds(20), () -> what + "; got " + requests);
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
