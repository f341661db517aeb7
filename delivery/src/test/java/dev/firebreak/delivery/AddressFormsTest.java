package dev.firebreak.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The URL guard decides on the address a host stands for, however it is written. */
class AddressFormsTest {
    static final String ALLOW = EndpointAddressTest.ALLOW;

    @Test
    void everyFormOfAForbiddenAddressIsRefused() {
        String[][] cases = {
                // IPv4 as browsers (the URL standard) and curl (inet_aton) read it: octal, hex, short forms.
                {"http://0177.0.0.1/h", "0177.0.0.1 (127.0.0.1) is a loopback address"},
                {"http://0177.1/h", "0177.1 (127.0.0.1) is a loopback address"},
                {"http://127.1/h", "127.1 (127.0.0.1) is a loopback address"},
                {"http://127.0.1/h", "127.0.1 (127.0.0.1) is a loopback address"},
                {"http://0x7f.1/h", "0x7f.1 (127.0.0.1) is a loopback address"},
                {"http://0x7f000001/h", "0x7f000001 (127.0.0.1) is a loopback address"},
                {"http://2130706433/h", "2130706433 (127.0.0.1) is a loopback address"},
                {"http://017700000001/h", "017700000001 (127.0.0.1) is a loopback address"},
                {"http://127.000.000.001/h", "127.000.000.001 (127.0.0.1) is a loopback address"},
                {"http://127.0.0.1./h", "127.0.0.1. (127.0.0.1) is a loopback address"},
                {"http://0x0A.0.0.1/h", "0x0A.0.0.1 (10.0.0.1) is a private address"},
                {"http://0xa9fea9fe/latest/meta-data", "0xa9fea9fe (169.254.169.254) is a link-local address"},
                {"http://0/h", "0 (0.0.0.0) is an unspecified address"},
                // Leading zeros read as decimal by Java and Netty: 010.0.0.1 is 8.0.0.1 to a browser, 10.0.0.1 to them.
                {"http://010.0.0.1/h", "010.0.0.1 (10.0.0.1) is a private address"},
                {"http://localhost./h", "localhost. is a loopback address"},
                // IPv4 inside IPv6.
                {"http://[::127.0.0.1]/h", "[::127.0.0.1] is a loopback address (127.0.0.1 inside an IPv4-compatible IPv6 address)"},
                {"http://[::7f00:1]/h", "[::7f00:1] is a loopback address (127.0.0.1 inside an IPv4-compatible IPv6 address)"},
                {"http://[::ffff:127.0.0.1]/h", "[::ffff:127.0.0.1] is a loopback address"},
                {"http://[::ffff:a00:1]/h", "[::ffff:a00:1] is a private address"},
                {"http://[::ffff:0:7f00:1]/h",
                        "[::ffff:0:7f00:1] is a loopback address (127.0.0.1 inside an IPv4-translated IPv6 address)"},
                {"http://[64:ff9b::7f00:1]/h", "[64:ff9b::7f00:1] is a loopback address (127.0.0.1 inside a NAT64 address (64:ff9b::/96))"},
                {"http://[64:ff9b::10.0.0.1]/h", "[64:ff9b::10.0.0.1] is a private address (10.0.0.1 inside a NAT64 address (64:ff9b::/96))"},
                {"http://[64:ff9b:1::5]/h", "[64:ff9b:1::5] is a private address (local-use NAT64, 64:ff9b:1::/48)"},
                {"http://[2002:7f00:1::1]/h", "[2002:7f00:1::1] is a loopback address (127.0.0.1 inside a 6to4 address (2002::/16))"},
                {"http://[2002:a9fe:a9fe::]/h",
                        "[2002:a9fe:a9fe::] is a link-local address (169.254.169.254 inside a 6to4 address (2002::/16))"},
                // Teredo: the client's address is stored inverted (127.0.0.1 -> 80ff:fffe).
                {"http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/h", "[2001:0:4136:e378:8000:63bf:80ff:fffe] is a loopback address"
                        + " (127.0.0.1 inside a Teredo address (its client))"},
                {"http://[fec0::1]/h", "[fec0::1] is a private address"},
                // Reserved IPv4.
                {"http://255.255.255.255/h", "255.255.255.255 is a reserved address"},
                {"http://198.18.0.1/h", "198.18.0.1 is a private address"},
        };
        for (String[] c : cases) {
            assertEquals("refused: " + c[1] + ALLOW, EndpointAddress.problem(c[0], false, false), c[0]);
            assertEquals("refused: " + c[1] + ALLOW, EndpointAddress.problem(c[0], false, true), "with DNS too: " + c[0]);
            assertNull(EndpointAddress.problem(c[0], true, false), "allowed by the admin: " + c[0]);
        }
    }

    @Test
    void aNumericHostThatIsNoAddressIsRefusedNotLookedUp() {
        String[] bad = {"http://1.2.3.4.5/h", "http://256.0.0.1/h", "http://1.2.3.256/h", "http://4294967296/h",
                "http://1..1/h"};
        for (String url : bad) {
            String host = java.net.URI.create(url).getRawAuthority();
            assertEquals("refused: " + host + " is not a valid IPv4 address", EndpointAddress.problem(url, false, host1 -> {
                throw new AssertionError("looked up " + host1);
            }), url);
        }
    }

    @Test
    void publicAddressesInAnyFormPassAndNamesStillResolve() {
        String[] fine = {"https://93.184.215.14/hooks", "https://0x5db8d70e/hooks", "https://1572394766/hooks",
                "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks",
                "https://[64:ff9b::5db8:d70e]/hooks", "https://[2002:5db8:d70e::1]/hooks", "https://[::ffff:93.184.215.14]/hooks",
                "https://8.8.8.8./hooks",
                "https://08.0.0.1/hooks"};   // no octal number: only the decimal reading, 8.0.0.1, is left
        for (String url : fine) {
            assertNull(EndpointAddress.problem(url, false, false), url);
        }
        assertEquals("refused: hooks.example (127.0.0.1) is a loopback address" + ALLOW,
                EndpointAddress.problem("https://hooks.example/x", false, h -> new InetAddress[] {InetAddress.getByName("::ffff:7f00:1")}));
        assertEquals("refused: hooks.example (64:ff9b:0:0:0:0:7f00:1) is a loopback address (127.0.0.1 inside a NAT64 address"
                + " (64:ff9b::/96))" + ALLOW, EndpointAddress.problem("https://hooks.example/x", false,
                h -> new InetAddress[] {InetAddress.getByName("64:ff9b::7f00:1")}), "a name's AAAA answer is judged the same way");
        assertEquals("hooks.example", EndpointAddress.nameToResolve("https://hooks.example/x", false));
        assertNull(EndpointAddress.nameToResolve("http://0x7f.1/x", false), "a numeric host is never looked up");
    }
}
