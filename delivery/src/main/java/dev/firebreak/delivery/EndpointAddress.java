package dev.firebreak.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The guard on where alerts may be sent: an http(s) URL whose host is not (and does not resolve to)
 * a loopback, private, link-local, unspecified, reserved or multicast address, in any form it is
 * written in (octal, hex or short IPv4, {@link Ipv4Literal}; IPv4 inside IPv6, {@link AddressRanges}),
 * unless an admin allowed that for the channel. Checked when a channel or subscription is made and again before each send, after DNS
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
        String host = host(uri);
        if (host == null || host.isBlank()) {
            return "the URL has no host";
        }
        if (allowPrivate) {
            return null;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String name = (bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare).toLowerCase(java.util.Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return refused(host, "a loopback address");
        }
        List<InetAddress> addresses;
        if (bare.contains(":")) {
            try {
                addresses = List.of(InetAddress.getByName(bare));    // an IPv6 literal: parsed, never looked up
            } catch (UnknownHostException e) {
                return "refused: " + host + " is not a valid IPv6 address";
            }
        } else if (Ipv4Literal.looksNumeric(bare)) {
            addresses = Ipv4Literal.readings(bare);
            if (addresses.isEmpty()) {
                return "refused: " + host + " is not a valid IPv4 address";
            }
        } else if (resolver == null) {
            return null;
        } else {
            try {
                addresses = List.of(resolver.resolve(bare));
            } catch (UnknownHostException e) {
                return "host " + host + " does not resolve";
            }
        }
        for (InetAddress a : addresses) {
            String kind = kind(a);
            if (kind != null) {
                String read = a.getHostAddress();     // an IPv6 literal is shown as written; it says what it holds
                return refused(bare.contains(":") || read.equals(bare) ? host : host + " (" + read + ")", kind);
            }
        }
        return null;
    }

    /**
     * The URL's host. Java leaves it out for some numeric forms ({@code 127.1}, {@code 0x7f.1}); those
     * are taken from the authority, so they are judged as the address they stand for, not waved through.
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String h = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && !h.startsWith("[")) {
            h = h.substring(0, colon);
        }
        return Ipv4Literal.looksNumeric(h) ? h : null;
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

    /** Which forbidden range an address is in, or null when it is a public one ({@link AddressRanges}). */
    static String kind(InetAddress a) {
        return AddressRanges.kind(a);
    }

    private static String refused(String host, String kind) {
        return "refused: " + host + " is " + kind
                + " (an admin may allow private addresses for this channel with allowPrivate: true)";
    }
}
