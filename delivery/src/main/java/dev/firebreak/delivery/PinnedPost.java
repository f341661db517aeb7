package dev.firebreak.delivery;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * A POST to a URL that connects to an address the URL guard approved, not to a fresh lookup of the
 * URL's host (DNS rebinding). The URL is unchanged, so its host name is the Host header, the TLS SNI
 * name and the name the certificate is verified for.
 */
public final class PinnedPost {
    private PinnedPost() { }

    /** {@code address} null: no pin (the host is an address literal), the client connects to the URL's host. */
    public static HttpRequest<Buffer> to(WebClient client, String url, InetAddress address) {
        if (address == null) {
            return client.postAbs(url);
        }
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
        return client.requestAbs(HttpMethod.POST, SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)), url);
    }
}
