package dev.firebreak.daemon.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), now::get);

    @Test
    void theLimitInTheWindowLocksTheAddressUntilTheOldestFailureLeavesIt() {
        throttle.failed("203.0.113.7");
        now.addAndGet(60_000);
        throttle.failed("203.0.113.7");
        assertEquals(0, throttle.retryAfterSeconds("203.0.113.7"), "two of three");
        now.addAndGet(30_000);
        throttle.failed("203.0.113.7");
        assertEquals(210, throttle.retryAfterSeconds("203.0.113.7"), "the first failure leaves the window in 3.5 min");
        assertEquals(0, throttle.retryAfterSeconds("203.0.113.8"), "another address is not locked");
        now.addAndGet(209_500);
        assertEquals(1, throttle.retryAfterSeconds("203.0.113.7"), "rounded up: never 0 while locked");
        now.addAndGet(500);
        assertEquals(0, throttle.retryAfterSeconds("203.0.113.7"), "the first failure left the window");
        throttle.failed("203.0.113.7");
        assertEquals(60, throttle.retryAfterSeconds("203.0.113.7"), "locked again until the second one leaves");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertEquals("2001:db8:0:1::/64", LoginThrottle.key("2001:db8:0:1:aaaa::1"));
        assertEquals(LoginThrottle.key("2001:db8:0:1::1"), LoginThrottle.key("2001:db8:0:1:ffff:ffff:ffff:ffff"));
        assertEquals("127.0.0.1", LoginThrottle.key("::ffff:127.0.0.1"));
        assertEquals("127.0.0.1", LoginThrottle.key("127.0.0.1"));
        for (int i = 0; i < 3; i++) {
            throttle.failed("2001:db8:0:1::" + Integer.toHexString(i + 1));
        }
        assertEquals(300, throttle.retryAfterSeconds("2001:db8:0:1::ff"));
        assertEquals(0, throttle.retryAfterSeconds("2001:db8:0:2::1"));
    }
}
