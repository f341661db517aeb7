package dev.firebreak.delivery.webhook;

import dev.firebreak.delivery.Masked;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A PR user's webhook subscription: a URL attached to a channel name, signed with server-made
 * {@code whsec_} secrets. After a rotation the old secret keeps signing until {@code until}.
 */
public record Subscription(String id, String url, String channel, String description, String owner, long createdAt,
                           boolean allowPrivate, List<Key> keys) {
    /** A signing secret; {@code until} 0 means it does not expire. */
    public record Key(String secret, long until) { }

    public Subscription {
        keys = List.copyOf(keys);
    }

    /** The secrets to sign with now: the newest first. */
    public List<String> secretsAt(long now) {
        List<String> out = new ArrayList<>();
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).until() == 0 || keys.get(i).until() > now) {
                out.add(keys.get(i).secret());
            }
        }
        return out;
    }

    /** With a new secret; the ones in use now sign on until {@code oldUntil}. */
    public Subscription rotated(String secret, long now, long oldUntil) {
        List<Key> next = new ArrayList<>();
        for (Key k : keys) {
            if (k.until() == 0 || k.until() > now) {
                next.add(new Key(k.secret(), k.until() == 0 ? oldUntil : Math.min(k.until(), oldUntil)));
            }
        }
        next.add(new Key(secret, 0));
        return new Subscription(id, url, channel, description, owner, createdAt, allowPrivate, next);
    }

    public JsonObject toStored() {
        JsonArray k = new JsonArray();
        keys.forEach(key -> k.add(new JsonObject().put("secret", key.secret()).put("until", key.until())));
        return view().put("url", url).put("keys", k);
    }

    /** What the API shows: the URL and secrets masked. */
    public JsonObject toPublic(long now) {
        JsonArray k = new JsonArray();
        keys.stream().filter(key -> key.until() == 0 || key.until() > now).forEach(key -> k.add(new JsonObject()
                .put("secret", Masked.secret(key.secret())).put("until", key.until() == 0 ? null : key.until())));
        return view().put("url", Masked.url(url)).put("secrets", k);
    }

    private JsonObject view() {
        return new JsonObject().put("id", id).put("channel", channel).put("description", description)
                .put("owner", owner).put("createdAt", createdAt).put("allowPrivate", allowPrivate);
    }

    public static Subscription fromStored(String json) {
        JsonObject o = new JsonObject(json);
        List<Key> keys = new ArrayList<>();
        o.getJsonArray("keys").forEach(x -> {
            JsonObject k = (JsonObject) x;
            keys.add(new Key(k.getString("secret"), k.getLong("until")));
        });
        return new Subscription(o.getString("id"), o.getString("url"), o.getString("channel"), o.getString("description"),
                o.getString("owner"), o.getLong("createdAt"), o.getBoolean("allowPrivate", false), keys);
    }
}
