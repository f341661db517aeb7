package dev.firebreak.connectors.http;

import dev.firebreak.connect.api.PlatformException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A platform's HTTP API through Vert.x Web Client: one base URL, a time-out on every request (a
 * stalled server is a transient error, not a hung feed), every query value URL-encoded on its own
 * (Douyin's ids carry {@code @ + / =}), and failures that never show a token or a query string.
 */
public final class PlatformHttp {
    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    private final WebClient client;
    private final String platform;
    private final String baseUrl;
    private final Duration timeout;
    private final Set<Promise<PlatformReply>> pending = ConcurrentHashMap.newKeySet();

    public PlatformHttp(Vertx vertx, String platform, String baseUrl, Duration timeout) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Firebreak/0.1")
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        this.platform = platform;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    public Future<PlatformReply> get(String path, Map<String, String> query, Map<String, String> headers) {
        return send(HttpMethod.GET, path, query, headers, null);
    }

    public Future<PlatformReply> postJson(String path, Map<String, String> query, Map<String, String> headers,
                                          Object body) {
        return send(HttpMethod.POST, path, query, headers, body);
    }

    /** Fails every request in flight at once (the feed is stopping) and closes the connections. */
    public void close() {
        for (Promise<PlatformReply> p : pending) {
            p.tryFail(PlatformException.retry(platform + ": stopped while a request was in flight"));
        }
        pending.clear();
        client.close();
    }

    public static String url(String base, String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            url.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return url.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Future<PlatformReply> send(HttpMethod method, String path, Map<String, String> query,
                                       Map<String, String> headers, Object body) {
        Promise<PlatformReply> promise = Promise.promise();
        pending.add(promise);
        HttpRequest<Buffer> request = client.requestAbs(method, url(baseUrl, path, new LinkedHashMap<>(query)))
                .timeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJson(body);
        sent.onComplete(ar -> {
            pending.remove(promise);
            if (ar.succeeded()) {
                promise.tryComplete(reply(path, ar.result()));
            } else {
                promise.tryFail(PlatformException.retry(platform + " " + path + ": " + describe(ar.cause())));
            }
        });
        return promise.future();
    }

    private PlatformReply reply(String path, HttpResponse<Buffer> r) {
        Map<String, String> hs = new HashMap<>();
        r.headers().forEach(e -> hs.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
        return new PlatformReply(platform, path, r.statusCode(), Map.copyOf(hs), r.body());
    }

    /** The network fault in words, with any URL's query string (where tokens travel) cut off. */
    static String describe(Throwable e) {
        String kind = e instanceof java.util.concurrent.TimeoutException
                || e.getClass().getSimpleName().contains("Timeout") ? "no answer within the time-out"
                : e.getClass().getSimpleName();
        String msg = e.getMessage() == null ? "" : QUERY.matcher(e.getMessage()).replaceAll("?…");
        return kind + (msg.isEmpty() ? "" : " (" + msg + ")");
    }
}
