package dev.firebreak.delivery;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A host written as an IPv4 address in any of the forms programs accept: {@code 127.0.0.1}, but also
 * {@code 0177.0.0.1} (octal), {@code 0x7f.1} (hex, short), {@code 2130706433} (one 32-bit number).
 * Browsers (the WHATWG URL standard) and curl ({@code inet_aton}) read a leading 0 as octal and 0x as
 * hex; Java and Netty read leading zeros as decimal. Which one the sending side follows is not ours to
 * guess, so both readings are given and the guard judges each.
 */
final class Ipv4Literal {
    private Ipv4Literal() { }

    /**
     * Whether the host is meant as an IPv4 address: its last label (a trailing dot aside) is a decimal
     * or 0x number, as the URL standard decides. Such a host is an address or nothing, never a name.
     */
    static boolean looksNumeric(String host) {
        String[] parts = parts(host);
        if (parts.length == 0) {
            return false;
        }
        String last = parts[parts.length - 1];
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || number(last, true) != null);
    }

    /** The addresses {@code host} reads as (one or two, distinct); empty when no reading makes it an address. */
    static List<InetAddress> readings(String host) {
        List<InetAddress> out = new ArrayList<>();
        for (boolean octalAndHex : new boolean[] {true, false}) {
            InetAddress a = parse(host, octalAndHex);
            if (a != null && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The URL standard's IPv4 parser ({@code octalAndHex}), or the decimal-only reading; null on failure. */
    private static InetAddress parse(String host, boolean octalAndHex) {
        String[] parts = parts(host);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger n = number(parts[i], octalAndHex);
            boolean last = i == parts.length - 1;
            // Each part but the last is one byte; the last fills the bytes that are left.
            BigInteger max = BigInteger.ONE.shiftLeft(last ? 8 * (4 - i) : 8);
            if (n == null || n.compareTo(max) >= 0) {
                return null;
            }
            value = last ? (value << (8 * (4 - i))) | n.longValue() : (value << 8) | n.longValue();
        }
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    /** One part: decimal, or with {@code octalAndHex} also 0x hex and 0-prefixed octal; null when it is neither. */
    private static BigInteger number(String part, boolean octalAndHex) {
        String digits = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (octalAndHex && digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (octalAndHex && digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        } else if (digits.isEmpty()) {
            return null;
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;     // "0x" alone is 0, as the standard has it
        }
        if (digits.length() > 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && Character.digit(c, 16) < 16)) {
            return null;
        }
        try {
            return new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The dot-separated parts, one trailing dot ignored. */
    private static String[] parts(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return h.isEmpty() ? new String[0] : h.split("\\.", -1);
    }
}
