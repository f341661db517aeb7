package dev.firebreak.delivery.robot;

import dev.firebreak.delivery.ChannelConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A robot's webhook URL and signing secret, and how to speak of them without giving them away: the
 * key or access token in the URL (every query value, and a Feishu hook's last path segment) and the
 * secret are masked to their last four characters ({@code key=…3f9a}) in anything we show or log.
 */
public final class RobotEndpoint {
    private final String channelId;
    private final String url;
    private final String secret;
    private final List<String> hidden = new ArrayList<>();

    private RobotEndpoint(String channelId, String url, String secret) {
        this.channelId = channelId;
        this.url = url;
        this.secret = secret;
    }

    /** {@link IllegalArgumentException} names the channel and what is wrong with its URL. */
    public static RobotEndpoint of(ChannelConfig c) {
        URI uri;
        try {
            uri = URI.create(c.url() == null ? "" : c.url());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel \"" + c.id() + "\": url: not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("channel \"" + c.id() + "\": url: expected an http(s) URL with a host, got "
                    + (uri.getScheme() == null ? "no scheme" : "\"" + uri.getScheme() + "\""));
        }
        RobotEndpoint e = new RobotEndpoint(c.id(), c.url(), c.secrets().isEmpty() ? null : c.secrets().get(0));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq >= 0 && eq < pair.length() - 1) e.hide(pair.substring(eq + 1));
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.contains("/hook/")) e.hide(path.substring(path.lastIndexOf('/') + 1));
        if (e.secret != null) {
            e.hide(e.secret);
            e.hide(URLEncoder.encode(e.secret, StandardCharsets.UTF_8));
        }
        return e;
    }

    private void hide(String value) {
        if (value != null && !value.isEmpty()) hidden.add(value);
    }

    public String channelId() {
        return channelId;
    }

    public String url() {
        return url;
    }

    /** The signing secret, or null when the robot is not set to sign. */
    public String secret() {
        return secret;
    }

    /** The URL with its key or token masked, for errors and logs. */
    public String masked() {
        return scrub(url);
    }

    /** {@code text} with every secret of this endpoint in it masked. */
    public String scrub(String text) {
        if (text == null) return null;
        String out = text;
        for (String h : hidden) out = out.replace(h, mask(h));
        return out;
    }

    /** The last four characters after an ellipsis; nothing of a short value. */
    public static String mask(String secret) {
        return secret.length() <= 8 ? "…" : "…" + secret.substring(secret.length() - 4);
    }
}
