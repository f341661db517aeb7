package dev.firebreak.daemon.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, one request per connection. The JDK's client refuses the request lines a
 * hostile client sends ({@code ?q=%zz}), so the fuzz suite writes them itself. Each call has a deadline:
 * a daemon that does not answer within it is a hang, reported as status -1.
 */
final class RawHttp {
    record Reply(int status, String body) { }

    private final int port;
    private final String token;
    private final int timeoutMillis;

    RawHttp(int port, String token, int timeoutMillis) {
        this.port = port;
        this.token = token;
        this.timeoutMillis = timeoutMillis;
    }

    Reply send(String method, String target, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return read(s.getInputStream());
        } catch (SocketTimeoutException e) {
            return new Reply(-1, "no answer within " + timeoutMillis + " ms");
        }
    }

    /** The status line and whatever body came before the server closed (the body is for messages only). */
    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            all.write(buf, 0, n);
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
            return new Reply(0, "not an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyAt = text.indexOf("\r\n\r\n");
        String body = bodyAt < 0 ? "" : text.substring(bodyAt + 4);
        if (text.substring(0, Math.max(0, bodyAt)).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = body.replaceAll("(?m)^[0-9a-fA-F]+\r$\n?", "");
        }
        return new Reply(status, body);
    }
}
