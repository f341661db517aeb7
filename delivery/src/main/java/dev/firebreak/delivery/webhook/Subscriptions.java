package dev.firebreak.delivery.webhook;

import dev.firebreak.delivery.DeliveryService;
import dev.firebreak.delivery.Endpoint;
import dev.firebreak.delivery.EndpointAddress;
import dev.firebreak.store.SubscriptionRecords;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PR users' webhook subscriptions, kept in {@link SubscriptionRecords} and each served as an
 * endpoint of the {@link DeliveryService}. The server makes each secret; rotation keeps the old one
 * signing for a day. Owners see and change only their own; {@code owner} null means an admin.
 * Blocking (Redis, DNS): call off the event loop.
 */
public final class Subscriptions {
    public static final Duration OLD_SECRET_LIFETIME = Duration.ofHours(24);

    private final SubscriptionRecords records;
    private final DeliveryService delivery;
    private final WebClient client;
    private final Set<String> channelNames;
    private final Map<String, Subscription> live = new ConcurrentHashMap<>();

    public Subscriptions(SubscriptionRecords records, DeliveryService delivery, WebClient client, Set<String> channelNames) {
        this.records = records;
        this.delivery = delivery;
        this.client = client;
        this.channelNames = Set.copyOf(channelNames);
    }

    /** Serves every stored subscription (at start). */
    public void start() {
        records.all().stream().map(Subscription::fromStored).forEach(this::serve);
    }

    /** What a create returns: the subscription and its secret, shown this once. */
    public record Created(Subscription subscription, String secret) { }

    public Created create(String owner, String url, String channel, String description, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: a subscription needs the URL to send to");
        }
        String why = EndpointAddress.problem(url, allowPrivate, true);
        if (why != null) {
            throw new IllegalArgumentException("url: " + why);
        }
        String ch = channel == null || channel.isBlank() ? "pr-oncall" : channel;
        if (!channelNames.contains(ch)) {
            throw new IllegalArgumentException("channel: unknown channel \"" + ch + "\" (expected one of "
                    + String.join(", ", channelNames.stream().sorted().toList()) + ")");
        }
        String secret = WebhookSigner.newSecret();
        Subscription s = new Subscription("sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), url, ch,
                description == null ? "" : description, owner, delivery.clock().now(), allowPrivate,
                List.of(new Subscription.Key(secret, 0)));
        records.save(s.id(), s.toStored().encode());
        serve(s);
        return new Created(s, secret);
    }

    /** The subscriptions this user may see: their own, or all for an admin ({@code owner} null). */
    public List<Subscription> visibleTo(String owner) {
        return live.values().stream().filter(s -> owner == null || owner.equals(s.owner()))
                .sorted(java.util.Comparator.comparingLong(Subscription::createdAt)).toList();
    }

    /** The subscription if this user may change it, else null (not theirs reads as not there). */
    public Subscription find(String id, String owner) {
        Subscription s = live.get(id);
        return s == null || (owner != null && !owner.equals(s.owner())) ? null : s;
    }

    public boolean delete(String id, String owner) {
        if (find(id, owner) == null) {
            return false;
        }
        records.delete(id);
        live.remove(id);
        delivery.remove(id);
        return true;
    }

    /** A new secret (shown once); the old ones keep signing for {@link #OLD_SECRET_LIFETIME}. */
    public Created rotate(String id, String owner) {
        Subscription s = find(id, owner);
        if (s == null) {
            return null;
        }
        long now = delivery.clock().now();
        String secret = WebhookSigner.newSecret();
        Subscription next = s.rotated(secret, now, now + OLD_SECRET_LIFETIME.toMillis());
        records.save(id, next.toStored().encode());
        live.put(id, next);
        return new Created(next, secret);
    }

    private void serve(Subscription s) {
        live.put(s.id(), s);
        String id = s.id();
        WebhookReceiver receiver = new WebhookReceiver(id, s.url(),
                () -> live.get(id).secretsAt(delivery.clock().now()), Integer.MAX_VALUE, client, delivery.clock()::now);
        delivery.add(new Endpoint(id, "webhook", s.channel(), s.url(), List.of(), s.allowPrivate(), s.owner(), receiver));
    }
}
