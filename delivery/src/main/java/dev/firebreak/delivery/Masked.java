package dev.firebreak.delivery;

import java.net.URI;

/** How secrets and secret-bearing URLs are shown in the API, errors and logs: never whole. */
public final class Masked {
    private Masked() { }

    /** {@code whsec_…f3a9}: the kind prefix (up to an underscore) and the last four characters. */
    public static String secret(String s) {
        if (s == null) {
            return null;
        }
        int underscore = s.indexOf('_');
        String prefix = underscore > 0 && underscore < 10 ? s.substring(0, underscore + 1) : "";
        return s.length() - prefix.length() < 12 ? prefix + "…" : prefix + "…" + s.substring(s.length() - 4);
    }

    /**
     * The URL with every query value and every long path segment (robot keys and access tokens live
     * there) cut to its last four characters: {@code https://oapi.dingtalk.com/robot/send?access_token=…9f2c}.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            StringBuilder out = new StringBuilder().append(u.getScheme()).append("://").append(u.getHost());
            if (u.getPort() >= 0) {
                out.append(':').append(u.getPort());
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            for (String seg : path.split("/", -1)) {
                if (!seg.isEmpty()) {
                    out.append('/').append(seg.length() >= 16 ? "…" + seg.substring(seg.length() - 4) : seg);
                }
            }
            if (path.endsWith("/") && path.length() > 1) {
                out.append('/');
            }
            if (u.getRawQuery() != null) {
                out.append('?');
                String[] pairs = u.getRawQuery().split("&");
                for (int i = 0; i < pairs.length; i++) {
                    int eq = pairs[i].indexOf('=');
                    String value = eq < 0 ? "" : pairs[i].substring(eq + 1);
                    out.append(i > 0 ? "&" : "").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1))
                            .append(value.length() > 8 ? "…" + value.substring(value.length() - 4) : value.isEmpty() ? "" : "…");
                }
            }
            return out.toString();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "(a URL that cannot be shown)";
        }
    }
}
