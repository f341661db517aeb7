package dev.firebreak.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a dispatcher sends next, chosen from its queue and its endpoint's standing; or, when nothing
 * may go now, when to look again. The rules:
 * <ul>
 * <li>nothing goes while a {@code Retry-After} pause or an open circuit breaker lasts; once the
 *     breaker's cool-down is over, the first story's oldest delivery goes alone, as a probe;</li>
 * <li>only the oldest pending delivery of each story may go (a later version never overtakes an
 *     earlier one, even one waiting out its backoff), and of those the first due in queue order;</li>
 * <li>a rate-limited endpoint sends singles while its rolling minute's budget lasts beyond one, and
 *     the budget's last message is a digest of everything ready: every pending delivery of each
 *     story whose oldest is due, in queue order (so each story's order holds inside the digest).</li>
 * </ul>
 *
 * @param batch  what to send as one message (empty: nothing now)
 * @param probe  whether the send is the half-open breaker's probe
 * @param wakeAt with an empty batch, when to look again (epoch millis; {@link Long#MAX_VALUE}: when
 *               something new is queued)
 */
record NextSend(List<TrackedDelivery> batch, boolean probe, long wakeAt) {
    static final long MINUTE = 60_000;
    /** The {@code perMinute} of an endpoint with no rate limit. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    /** When a rate-limited endpoint's messages went: the send times since an instant, oldest first. */
    interface SentLog {
        List<Long> since(long from);
    }

    /**
     * @param pending   the endpoint's pending deliveries, in queue order
     * @param perMinute the endpoint's budget per rolling minute, or {@link #UNLIMITED}
     * @param sent      read only when the budget matters (a Redis read)
     */
    static NextSend choose(Collection<TrackedDelivery> pending, EndpointState state, int perMinute, SentLog sent,
                           long now) {
        long blockedUntil = Math.max(state.pausedUntil, state.openUntil);
        if (blockedUntil > now) {
            return waitUntil(blockedUntil);
        }
        List<TrackedDelivery> heads = heads(pending);
        if (heads.isEmpty()) {
            return waitUntil(Long.MAX_VALUE);
        }
        boolean probe = state.openUntil != 0;
        List<TrackedDelivery> due = probe ? heads.subList(0, 1) : heads.stream().filter(t -> t.nextAt <= now).toList();
        if (due.isEmpty()) {
            return waitUntil(heads.stream().mapToLong(t -> t.nextAt).min().orElse(Long.MAX_VALUE));
        }
        List<TrackedDelivery> batch = List.of(due.get(0));
        if (perMinute != UNLIMITED && !probe) {
            List<Long> times = sent.since(now - MINUTE);
            int left = perMinute - times.size();
            if (left <= 0) {
                return waitUntil(times.get(0) + MINUTE + 1);   // when the minute's oldest send leaves the window
            }
            List<TrackedDelivery> ready = readyForDigest(pending, due);
            if (left == 1 && ready.size() > 1) {
                batch = ready;
            }
        }
        return new NextSend(batch, probe, Long.MAX_VALUE);
    }

    boolean sends() {
        return !batch.isEmpty();
    }

    private static NextSend waitUntil(long at) {
        return new NextSend(List.of(), false, at);
    }

    /** The oldest pending delivery of each story, in queue order. */
    private static List<TrackedDelivery> heads(Collection<TrackedDelivery> pending) {
        Set<String> seen = new HashSet<>();
        List<TrackedDelivery> out = new ArrayList<>();
        for (TrackedDelivery t : pending) {
            if (seen.add(t.delivery().storyId())) {
                out.add(t);
            }
        }
        return out;
    }

    /** Every pending delivery of the stories whose oldest is due, in queue order. */
    private static List<TrackedDelivery> readyForDigest(Collection<TrackedDelivery> pending, List<TrackedDelivery> due) {
        Set<String> stories = new HashSet<>();
        due.forEach(t -> stories.add(t.delivery().storyId()));
        return pending.stream().filter(t -> stories.contains(t.delivery().storyId())).toList();
    }
}
