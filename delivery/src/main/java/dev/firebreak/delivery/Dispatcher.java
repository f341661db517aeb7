package dev.firebreak.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one endpoint's queue, one message at a time, on the delivery thread; what goes next is
 * {@link NextSend}'s choice (oldest pending version per story, breaker probe, rate limit with digest).
 * Before each send the URL guard judges the address (after DNS): its verdict may come later, so a
 * slow lookup holds up this endpoint alone. The send connects to the address the guard approved.
 * Failures back off per {@link RetryPolicy};
 * {@code Retry-After} pauses the endpoint; 410 disables it; other refusals go to the dead letters;
 * a run of failures opens the circuit breaker until a probe gets through. Every change is written
 * to Redis before the next send.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration GUARD_TIMEOUT = Duration.ofSeconds(20);

    private final Receiver receiver;
    private final DeliveryStore store;
    private final DeliveryClock clock;
    private final RetryPolicy policy;
    /** The URL guard before each send. */
    private final AddressCheck guard;
    private final DeliveryMetrics.Counts counts;
    private final Map<String, TrackedDelivery> pending = new LinkedHashMap<>();
    private EndpointState state;
    private DeliveryClock.Cancellable wake;
    private long wakeAt = Long.MAX_VALUE;
    private volatile boolean inFlight;
    private volatile boolean stopped;

    /** With a guard whose verdict is known at once (it never blocks: no DNS). */
    public Dispatcher(Receiver receiver, DeliveryStore store, DeliveryClock clock, RetryPolicy policy, Supplier<String> guard) {
        this(receiver, store, clock, policy, () -> CompletableFuture.completedFuture(guard.get()), GUARD_TIMEOUT);
    }

    /**
     * With a guard whose verdict (null when the address may be used, else why not) may come later
     * (see {@link AddressGuard}); past {@code guardTimeout} the attempt counts as failed.
     */
    public Dispatcher(Receiver receiver, DeliveryStore store, DeliveryClock clock, RetryPolicy policy,
                      Supplier<? extends CompletionStage<String>> guard, Duration guardTimeout) {
        this(receiver, store, clock, policy, guard, guardTimeout, DeliveryMetrics.unregistered());
    }

    /** As above, counting sends, failures and dead letters in {@code metrics} (no address to pin to). */
    public Dispatcher(Receiver receiver, DeliveryStore store, DeliveryClock clock, RetryPolicy policy,
                      Supplier<? extends CompletionStage<String>> guard, Duration guardTimeout, DeliveryMetrics metrics) {
        this(receiver, store, clock, policy, guardTimeout,
                () -> guard.get().thenApply(AddressVerdict::refusedFor), metrics);
    }

    /**
     * With a guard whose verdict also names the address to connect to ({@link AddressGuard#approve}): each
     * send is pinned to it. Counts sends, failures and dead letters in {@code metrics}.
     */
    public Dispatcher(Receiver receiver, DeliveryStore store, DeliveryClock clock, RetryPolicy policy,
                      Duration guardTimeout, Supplier<? extends CompletionStage<AddressVerdict>> guard, DeliveryMetrics metrics) {
        this.counts = metrics.endpoint(receiver.id());
        this.receiver = receiver;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.guard = new AddressCheck(guard, clock, guardTimeout);
    }

    public String endpointId() {
        return receiver.id();
    }

    /** Reads the queue and the endpoint's state back from Redis and starts sending. */
    public void start() {
        clock.execute(() -> {
            state = store.endpointState(receiver.id());
            store.pending(receiver.id()).forEach(t -> pending.putIfAbsent(t.id(), t));
            pump();
        });
    }

    /** A delivery newly queued in Redis (or revived from the dead letters). */
    public void offer(TrackedDelivery t) {
        clock.execute(() -> {
            pending.putIfAbsent(t.id(), t);
            pump();
        });
    }

    /** An admin's enable after a 410: sending resumes, with a fresh breaker. */
    public void enable() {
        clock.execute(() -> {
            state = new EndpointState();
            store.saveEndpointState(receiver.id(), state);
            pump();
        });
    }

    public void stop() {
        stopped = true;
        clock.execute(() -> {
            if (wake != null) {
                wake.cancel();
            }
            if (guard.drop()) {   // a verdict still to come: nothing will be sent
                inFlight = false;
            }
        });
    }

    public boolean inFlight() {
        return inFlight;
    }

    private void pump() {
        if (stopped || inFlight || state == null || state.disabled != null || pending.isEmpty()) {
            return;
        }
        NextSend next = NextSend.choose(pending.values(), state, receiver.perMinute(),
                from -> store.sentSince(receiver.id(), from), clock.now());
        if (next.sends()) {
            check(next);
        } else {
            wakeAt(next.wakeAt());
        }
    }

    /** Sends once the URL guard's verdict (maybe after a DNS lookup, off this thread) lets it. */
    private void check(NextSend next) {
        inFlight = true;
        guard.ask(verdict -> checked(next, verdict));
    }

    private void checked(NextSend next, AddressVerdict verdict) {
        String refused = verdict.refused();
        if (stopped) {
            inFlight = false;   // stopped while the guard looked: the deliveries stay pending in Redis
            return;
        }
        List<TrackedDelivery> batch = next.batch();
        if (refused != null) {   // never sent: retried later, as any failed attempt
            clock.execute(() -> settle(batch, next.probe(), SendResult.retry(0, null, refused)));
            return;
        }
        if (receiver.perMinute() != NextSend.UNLIMITED) {
            store.sent(receiver.id(), batch.get(0).id(), clock.now());
        }
        List<Delivery> deliveries = batch.stream().map(TrackedDelivery::delivery).toList();
        try {
            receiver.send(deliveries, verdict.address()).onComplete(ar -> clock.execute(() -> settle(batch, next.probe(),
                    ar.succeeded() ? ar.result() : SendResult.retry(0, null, String.valueOf(ar.cause())))));
        } catch (RuntimeException e) {
            clock.execute(() -> settle(batch, next.probe(), SendResult.retry(0, null, e.toString())));
        }
    }

    /** Records what one send came to, moves each delivery on, and looks for the next send. */
    private void settle(List<TrackedDelivery> batch, boolean probe, SendResult r) {
        inFlight = false;
        long now = clock.now();
        if (!r.delivered()) {
            counts.failed().increment(batch.size());
        }
        if (r.delivered()) {
            boolean recovered = state.openUntil != 0;
            state.consecutiveFailures = 0;
            state.openUntil = 0;
            state.failedProbes = 0;
            batch.forEach(t -> finish(t, TrackedDelivery.DELIVERED, now, null));
            if (recovered) {   // the endpoint is back: what waited out backoff goes now, in order
                pending.values().forEach(t -> t.nextAt = Math.min(t.nextAt, now));
            }
        } else if (r.gone()) {
            state.disabled = "disabled at " + java.time.Instant.ofEpochMilli(now) + ": the endpoint answered "
                    + r.status() + " (gone)" + (r.error() == null ? "" : ": " + r.error());
            LOG.warn("delivery endpoint {} {}", receiver.id(), state.disabled);
        } else if (!r.retryable()) {
            batch.forEach(t -> finish(t, TrackedDelivery.DEAD, now, r.error()));
        } else {
            failed(batch, probe, r, now);
        }
        for (TrackedDelivery t : batch) {
            store.attempt(t.id(), new JsonObject().put("at", now).put("status", r.status()).put("error", r.error())
                    .put("result", r.delivered() ? "delivered" : r.gone() ? "gone" : r.retryable() ? "retry" : "refused")
                    .put("nextAttempt", TrackedDelivery.PENDING.equals(t.status) ? Math.max(t.nextAt, state.pausedUntil) : null)
                    .put("messages", batch.size()));
        }
        store.saveEndpointState(receiver.id(), state);
        pump();
    }

    private void failed(List<TrackedDelivery> batch, boolean probe, SendResult r, long now) {
        if (r.retryAfter() != null) {
            state.pausedUntil = now + Math.min(r.retryAfter().toMillis(), Duration.ofDays(1).toMillis());
        }
        if (probe) {   // the endpoint is still down: wait longer; the probe's delivery keeps its place
            state.failedProbes++;
            state.openUntil = now + policy.coolDown(state.failedProbes).toMillis();
        } else if (++state.consecutiveFailures >= policy.breakerFailures()) {
            state.openUntil = now + policy.coolDown(0).toMillis();
            LOG.warn("delivery endpoint {}: circuit breaker open after {} failures in a row", receiver.id(),
                    state.consecutiveFailures);
        }
        for (TrackedDelivery t : batch) {
            t.lastError = r.error();
            if (!probe) {
                t.failures++;
            }
            Duration wait = probe ? Duration.ZERO : policy.backoff(t.failures);
            if (wait == null || now - t.delivery().createdAt() > policy.maxAge().toMillis()) {
                finish(t, TrackedDelivery.DEAD, now, r.error());
            } else {
                t.nextAt = now + (r.retryAfter() != null ? r.retryAfter().toMillis() : wait.toMillis());
                store.save(t);
            }
        }
    }

    private void finish(TrackedDelivery t, String status, long now, String error) {
        t.status = status;
        t.finishedAt = now;
        (TrackedDelivery.DELIVERED.equals(status) ? counts.sent() : counts.deadLettered()).increment();
        if (error != null) {
            t.lastError = error;
        }
        pending.remove(t.id());
        store.finish(t);
    }

    private void wakeAt(long at) {
        if (at == Long.MAX_VALUE || (wake != null && wakeAt <= at && wakeAt > clock.now())) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAt = at;
        wake = clock.schedule(Math.max(0, at - clock.now()), () -> {
            wake = null;
            wakeAt = Long.MAX_VALUE;
            pump();
        });
    }

    /** The endpoint's state for the API (read on the caller's thread: a snapshot). */
    public EndpointState state() {
        EndpointState s = state;
        return s == null ? store.endpointState(receiver.id()) : s;
    }
}
