package dev.firebreak.delivery.robot;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A robot platform's webhook in a test: a real HTTP server that keeps every request and answers what
 * the test says (by default the platform's "ok"). Also holds the Vert.x and the WebClient under test.
 */
public final class FakeRobot implements AutoCloseable {
    /** One request as the fake server saw it. */
    public record Request(String uri, String path, io.vertx.core.MultiMap query, JsonObject body, int bytes) { }

    /** What to answer: a status and a body. */
    public record Reply(int status, String body) { }

    public final Vertx vertx = Vertx.vertx();
    public final WebClient client = WebClient.create(vertx);
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> answer;
    private final HttpServer server;

    public FakeRobot(String okBody) throws Exception {
        this.answer = r -> new Reply(200, okBody);
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(buf -> {
            JsonObject body;
            try {
                body = buf.toJsonObject();
            } catch (RuntimeException e) {
                body = new JsonObject().put("unparsed", buf.toString());
            }
            Request r = new Request(req.uri(), req.path(), req.params(), body, buf.length());
            requests.add(r);
            Reply reply = answer.apply(r);
            req.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.body());
        });
    }

    public void answer(Function<Request, Reply> answer) {
        this.answer = answer;
    }

    public String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("the fake robot did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
