package dev.firebreak.delivery;

import java.net.InetAddress;

/**
 * The URL guard's answer for one send: {@code refused} says why not (null: may send), and
 * {@code address} is the address it approved for the URL's host name, which the send must connect to
 * (so a DNS answer that changes after the check is never used); null when the host is written as an
 * address, or private addresses are allowed, and nothing was looked up.
 */
public record AddressVerdict(String refused, InetAddress address) {
    public static AddressVerdict refusedFor(String why) {
        return new AddressVerdict(why, null);
    }

    public static AddressVerdict approved(InetAddress address) {
        return new AddressVerdict(null, address);
    }
}
