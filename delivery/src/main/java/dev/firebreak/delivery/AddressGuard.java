package dev.firebreak.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The URL guard ({@link EndpointAddress}) before each send, without blocking the delivery thread:
 * host names are looked up on a few threads of its own, and each answer is kept for a short TTL so
 * a burst to one endpoint looks its host up once. After the TTL the name is looked up again, so a
 * name that comes to point inside the network is refused from then on. A verdict that needs no lookup
 * (or finds a fresh answer) is ready at once. The send then connects to the address approved
 * ({@link #approve}), not to a fresh lookup of the name. Failed lookups are not kept; one lookup per host runs at
 * a time, so a hanging name holds one thread, however many sends ask about it.
 */
public final class AddressGuard implements AutoCloseable {
    public static final Duration TTL = Duration.ofSeconds(60);

    private record Answer(InetAddress[] addresses, long at) { }

    private final EndpointAddress.Resolver resolver;
    private final ExecutorService lookups;
    private final LongSupplier now;
    private final long ttlMillis;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<InetAddress[]>> running = new ConcurrentHashMap<>();

    /**
     * @param resolver looks names up (may block): {@link EndpointAddress#DNS} live
     * @param now      epoch millis, for the TTL
     * @param threads  how many lookups may run at once (on daemon threads "firebreak-dns-N")
     */
    public AddressGuard(EndpointAddress.Resolver resolver, LongSupplier now, Duration ttl, int threads) {
        this.resolver = resolver;
        this.now = now;
        this.ttlMillis = ttl.toMillis();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "firebreak-dns-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.lookups = pool;
    }

    /** The live guard: system DNS, answers kept for {@link #TTL}, up to 4 lookups at once. */
    public static AddressGuard system(LongSupplier now) {
        return new AddressGuard(EndpointAddress.DNS, now, TTL, 4);
    }

    /** What is wrong with sending to {@code url} (null: nothing), as {@link EndpointAddress#problem} after DNS. */
    public CompletionStage<String> verdict(String url, boolean allowPrivate) {
        return approve(url, allowPrivate).thenApply(AddressVerdict::refused);
    }

    /**
     * The verdict on {@code url} with the address to connect to: a host name is looked up, every address
     * it has is judged, and the first is the one approved. No address when nothing was looked up (an
     * address literal; private addresses allowed, so there is nothing a changed answer could reach).
     */
    public CompletionStage<AddressVerdict> approve(String url, boolean allowPrivate) {
        String name = EndpointAddress.nameToResolve(url, allowPrivate);
        if (name == null) {
            return CompletableFuture.completedFuture(AddressVerdict.refusedFor(EndpointAddress.problem(url, allowPrivate, false)));
        }
        return addresses(name.toLowerCase(Locale.ROOT)).handle((addresses, err) -> {
            Throwable cause = err instanceof CompletionException ? err.getCause() : err;
            if (cause != null && !(cause instanceof UnknownHostException)) {
                return AddressVerdict.refusedFor("host " + name + " could not be looked up (" + cause + ")");
            }
            String why = EndpointAddress.problem(url, allowPrivate, host -> {
                if (cause != null) {
                    throw (UnknownHostException) cause;
                }
                return addresses;
            });
            if (why == null && addresses.length == 0) {
                why = "host " + name + " does not resolve";
            }
            return why != null ? AddressVerdict.refusedFor(why) : AddressVerdict.approved(addresses[0]);
        });
    }

    /** The host's addresses: a fresh answer at once, else the lookup running for it, else a new one. */
    private CompletableFuture<InetAddress[]> addresses(String host) {
        Answer known = answers.get(host);
        if (known != null && now.getAsLong() - known.at() < ttlMillis) {
            return CompletableFuture.completedFuture(known.addresses());
        }
        CompletableFuture<InetAddress[]> mine = new CompletableFuture<>();
        CompletableFuture<InetAddress[]> other = running.putIfAbsent(host, mine);
        if (other != null) {
            return other;
        }
        try {
            lookups.execute(() -> lookUp(host, mine));
        } catch (RejectedExecutionException e) {   // closed
            running.remove(host, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    private void lookUp(String host, CompletableFuture<InetAddress[]> result) {
        try {
            InetAddress[] found = resolver.resolve(host);
            answers.put(host, new Answer(found, now.getAsLong()));
            result.complete(found);
        } catch (UnknownHostException | RuntimeException e) {
            result.completeExceptionally(e);
        } finally {
            running.remove(host, result);
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
