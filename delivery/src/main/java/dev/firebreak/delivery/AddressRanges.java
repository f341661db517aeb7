package dev.firebreak.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which forbidden range an address is in. An IPv6 address that carries an IPv4 address the network
 * may route to (IPv4-compatible {@code ::a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}) is judged by that IPv4
 * address too; IPv4-mapped {@code ::ffff:a.b.c.d} is IPv4 already when Java reads it.
 */
final class AddressRanges {
    private AddressRanges() { }

    /** The range's description ("a loopback address", ...), or null when the address is a public one. */
    static String kind(InetAddress a) {
        String direct = direct(a);
        if (direct != null || !(a instanceof Inet6Address)) {
            return direct;
        }
        byte[] b = a.getAddress();
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return "a private address (local-use NAT64, 64:ff9b:1::/48)";
        }
        String[] how = {"an IPv4-compatible IPv6 address", "an IPv4-translated IPv6 address", "a NAT64 address (64:ff9b::/96)",
                "a 6to4 address (2002::/16)", "a Teredo address (its client)", "a Teredo address (its server)"};
        byte[][] inside = {
                zeros(b, 0, 12) ? v4(b, 12, false) : null,
                zeros(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zeros(b, 10, 12) ? v4(b, 12, false) : null,
                prefix(b, 0x00, 0x64, 0xff, 0x9b) && zeros(b, 4, 12) ? v4(b, 12, false) : null,
                prefix(b, 0x20, 0x02) ? v4(b, 2, false) : null,
                prefix(b, 0x20, 0x01, 0x00, 0x00) ? v4(b, 12, true) : null,
                prefix(b, 0x20, 0x01, 0x00, 0x00) ? v4(b, 4, false) : null,
        };
        for (int i = 0; i < inside.length; i++) {
            if (inside[i] != null) {
                InetAddress v4 = address(inside[i]);
                String kind = direct(v4);
                if (kind != null) {
                    return kind + " (" + v4.getHostAddress() + " inside " + how[i] + ")";
                }
            }
        }
        return null;
    }

    /** The ranges an address is in by itself. */
    private static String direct(InetAddress a) {
        byte[] b = a.getAddress();
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (a.isLoopbackAddress()) return "a loopback address";
        if (a.isAnyLocalAddress() || (b.length == 4 && b0 == 0)) return "an unspecified address";
        if (a.isLinkLocalAddress()) return "a link-local address";
        if (a.isSiteLocalAddress()) return "a private address";
        if (a.isMulticastAddress()) return "a multicast address";
        if (a instanceof Inet6Address && (b0 & 0xfe) == 0xfc) return "a private address";   // fc00::/7 unique local
        if (a instanceof Inet4Address) {
            if (b0 == 100 && (b1 & 0xc0) == 64) return "a private address";   // 100.64/10 carrier-grade NAT
            if (b0 == 198 && (b1 & 0xfe) == 18) return "a private address";   // 198.18/15 benchmarking
            if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) return "a reserved address";   // 192.0.0/24 protocol assignments
            if (b0 >= 240) return "a reserved address";   // 240/4 and the broadcast address
        }
        return null;
    }

    private static boolean prefix(byte[] b, int... want) {
        for (int i = 0; i < want.length; i++) {
            if ((b[i] & 0xff) != want[i]) return false;
        }
        return true;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }

    /** Four bytes of {@code b} from {@code at}; {@code inverted} for Teredo, which stores its client's address flipped. */
    private static byte[] v4(byte[] b, int at, boolean inverted) {
        byte[] out = Arrays.copyOfRange(b, at, at + 4);
        if (inverted) {
            for (int i = 0; i < 4; i++) out[i] = (byte) ~out[i];
        }
        return out;
    }

    private static InetAddress address(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
