package dev.firebreak.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The guard on where alerts may be sent: an http(s) URL whose host is not (and does not resolve to)
 * a loopback, private, link-local, unspecified or multicast address, unless an admin allowed that for
 * the channel. Checked when a channel or subscription is made and again before each send, after DNS
 * resolution, so a name that later points inside the network is still refused.
 */
public final class EndpointAddress {
    /** Looks a host name up: its addresses, or UnknownHostException. May block (DNS). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The system's resolver (blocks). */
    public static final Resolver DNS = InetAddress::getAllByName;

    private EndpointAddress() { }

    /**
     * What is wrong with sending to {@code url}, or null when nothing is. With {@code resolve} false
     * only literal addresses and {@code localhost} are judged (no DNS lookup: configuration checks);
     * with it true the host is resolved and every address it has is judged (blocks: not on an event loop).
     */
    public static String problem(String url, boolean allowPrivate, boolean resolve) {
        return problem(url, allowPrivate, resolve ? DNS : null);
    }

    /**
     * As {@link #problem(String, boolean, boolean)}, a host name looked up with {@code resolver}
     * (null: names are not looked up). Literal addresses are judged as they are, with no lookup.
     */
    public static String problem(String url, boolean allowPrivate, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "expected an http:// or https:// URL, got " + (scheme.isEmpty() ? "no scheme" : scheme + "://");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "the URL has no host";
        }
        if (allowPrivate) {
            return null;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            return refused(host, "a loopback address");
        }
        boolean literal = bare.contains(":") || bare.matches("[0-9.]+");
        if (!literal && resolver == null) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = literal ? InetAddress.getAllByName(bare) : resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return "host " + host + " does not resolve";
        }
        for (InetAddress a : addresses) {
            String kind = kind(a);
            if (kind != null) {
                return refused(literal ? host : host + " (" + a.getHostAddress() + ")", kind);
            }
        }
        return null;
    }

    /**
     * The host name whose addresses decide the verdict on {@code url}, or null when the verdict needs
     * no lookup (not a usable URL, private addresses allowed, localhost, a literal address).
     */
    public static String nameToResolve(String url, boolean allowPrivate) {
        String[] asked = {null};
        problem(url, allowPrivate, host -> {   // the judging itself tells whether it would look a name up
            asked[0] = host;
            return new InetAddress[0];
        });
        return asked[0];
    }

    /** As {@link #problem} with resolution; throws with the reason. */
    public static void check(String url, boolean allowPrivate) {
        String why = problem(url, allowPrivate, true);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
    }

    /** Which forbidden range an address is in, or null when it is a public one. */
    static String kind(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) return "a loopback address";
        if (a.isAnyLocalAddress() || (b.length == 4 && b[0] == 0)) return "an unspecified address";
        if (a.isLinkLocalAddress()) return "a link-local address";
        if (a.isSiteLocalAddress()) return "a private address";
        if (a.isMulticastAddress()) return "a multicast address";
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) return "a private address";   // fc00::/7 unique local
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) return "a private address";   // 100.64/10 carrier NAT
        return null;
    }

    private static String refused(String host, String kind) {
        return "refused: " + host + " is " + kind
                + " (an admin may allow private addresses for this channel with allowPrivate: true)";
    }
}
