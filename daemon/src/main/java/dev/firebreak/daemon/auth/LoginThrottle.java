package dev.firebreak.daemon.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address in a sliding window: after {@link #FAILURES} failures within
 * {@link #WINDOW}, that address may not log in (429) until the oldest of them leaves the window.
 * Successful logins are not counted and do not wipe the count (a user with a token of their own
 * could otherwise reset it between guesses). An IPv6 client counts by its /64, which one host
 * usually holds whole. Kept in this daemon's memory: one daemon's count, lost on restart; behind a
 * proxy every client shares the proxy's address.
 */
final class LoginThrottle {
    static final int FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Addresses remembered at most; past it the one that failed longest ago is forgotten. */
    private static final int ADDRESSES = 100_000;

    private final int failures;
    private final long windowMillis;
    private final LongSupplier now;
    private final Map<String, Deque<Long>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > ADDRESSES;
        }
    };

    LoginThrottle(int failures, Duration window, LongSupplier nowMillis) {
        this.failures = failures;
        this.windowMillis = window.toMillis();
        this.now = nowMillis;
    }

    /** Seconds until {@code address} may try again (at least 1), or 0 when it may now. */
    synchronized long retryAfterSeconds(String address) {
        Deque<Long> times = recent(key(address));
        if (times == null || times.size() < failures) {
            return 0;
        }
        long waitMillis = times.peekFirst() + windowMillis - now.getAsLong();
        return Math.max(1, (waitMillis + 999) / 1000);
    }

    synchronized void failed(String address) {
        String key = key(address);
        Deque<Long> times = recent(key);
        if (times == null) {
            times = new ArrayDeque<>();
            recent.put(key, times);
        }
        times.addLast(now.getAsLong());
        while (times.size() > failures) {
            times.removeFirst();
        }
    }

    int limit() {
        return failures;
    }

    Duration window() {
        return Duration.ofMillis(windowMillis);
    }

    /** The address's failures still in the window (the older ones dropped), or null when none are. */
    private Deque<Long> recent(String key) {
        Deque<Long> times = recent.get(key);
        if (times == null) {
            return null;
        }
        long since = now.getAsLong() - windowMillis;
        while (!times.isEmpty() && times.peekFirst() <= since) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            recent.remove(key);
            return null;
        }
        return times;
    }

    /** IPv4 as it is; IPv6 by its first 64 bits. Only literal addresses come here (no name is looked up). */
    static String key(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            byte[] b = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .getAddress();
            if (b.length != 16) {
                return InetAddress.getByAddress(b).getHostAddress();    // IPv4-mapped: the IPv4 address
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
