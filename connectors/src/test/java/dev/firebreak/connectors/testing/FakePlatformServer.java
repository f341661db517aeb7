package dev.firebreak.connectors.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A platform API on loopback for tests: routes answer from the recorded fixtures, and faults can be
 * queued in front of them — an error response, a stall (no answer at all), a body cut off mid-way
 * with the connection closed. Every request is kept for assertions.
 */
public final class FakePlatformServer implements AutoCloseable {
    /** A fault for the next matching request. {@code path} null matches any path. */
    private record Fault(String path, String kind, FakeResponse response) { }

    private final Map<String, Function<FakeRequest, FakeResponse>> routes = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<FakeRequest> requests = new CopyOnWriteArrayList<>();
    private final List<HttpServerRequest> stalled = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private FakePlatformServer(HttpServer server) {
        this.server = server;
    }

    public static FakePlatformServer start(Vertx vertx) throws Exception {
        FakePlatformServer[] self = new FakePlatformServer[1];
        HttpServer s = vertx.createHttpServer().requestHandler(req -> self[0].handle(req));
        self[0] = new FakePlatformServer(s);
        s.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return self[0];
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Answers {@code METHOD path} with the handler (query and body decoded). */
    public synchronized FakePlatformServer route(String method, String path, Function<FakeRequest, FakeResponse> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    /** The next {@code n} requests to {@code path} (null: any) get this response instead. */
    public synchronized FakePlatformServer failNext(String path, int n, FakeResponse response) {
        for (int i = 0; i < n; i++) {
            faults.add(new Fault(path, "respond", response));
        }
        return this;
    }

    /** The next {@code n} requests to {@code path} get no answer at all, ever (a stalled upstream). */
    public synchronized FakePlatformServer stallNext(String path, int n) {
        for (int i = 0; i < n; i++) {
            faults.add(new Fault(path, "stall", null));
        }
        return this;
    }

    /** The next {@code n} requests to {@code path} get half their real body, then the connection closes. */
    public synchronized FakePlatformServer cutNext(String path, int n) {
        for (int i = 0; i < n; i++) {
            faults.add(new Fault(path, "cut", null));
        }
        return this;
    }

    public List<FakeRequest> requests() {
        return List.copyOf(requests);
    }

    public List<FakeRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            FakeRequest r = new FakeRequest(req.method().name(), req.path(), flatten(req.params()),
                    lower(req.headers()), body.toString());
            requests.add(r);
            Fault fault = takeFault(r.path());
            if (fault != null && fault.kind().equals("stall")) {
                stalled.add(req);
                return;
            }
            FakeResponse answer = fault != null && fault.kind().equals("respond") ? fault.response() : answer(r);
            if (fault != null && fault.kind().equals("cut")) {
                cut(req, answer);
                return;
            }
            req.response().setStatusCode(answer.status());
            answer.headers().forEach(req.response()::putHeader);
            req.response().end(Buffer.buffer(answer.body()));
        });
    }

    private synchronized Fault takeFault(String path) {
        for (Fault f : new ArrayList<>(faults)) {
            if (f.path() == null || f.path().equals(path)) {
                faults.remove(f);
                return f;
            }
        }
        return null;
    }

    private synchronized FakeResponse answer(FakeRequest r) {
        Function<FakeRequest, FakeResponse> route = routes.get(r.method() + " " + r.path());
        if (route == null) {
            return FakeResponse.json(404, "{\"error\":\"no route " + r.method() + " " + r.path() + " in the fake\"}");
        }
        return route.apply(r);
    }

    private static void cut(HttpServerRequest req, FakeResponse answer) {
        byte[] half = java.util.Arrays.copyOf(answer.body(), Math.max(1, answer.body().length / 2));
        req.response().setStatusCode(answer.status());
        answer.headers().forEach(req.response()::putHeader);
        req.response().putHeader("Content-Length", String.valueOf(answer.body().length));
        req.response().write(Buffer.buffer(half)).onComplete(x -> req.connection().close());
    }

    private static Map<String, String> flatten(MultiMap m) {
        Map<String, String> out = new HashMap<>();
        m.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<String, String> lower(MultiMap m) {
        Map<String, String> out = new HashMap<>();
        m.forEach(e -> out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
        return out;
    }

    @Override
    public void close() {
        stalled.forEach(r -> r.connection().close());
        Future<Void> closed = server.close();
        closed.toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS);
    }
}
