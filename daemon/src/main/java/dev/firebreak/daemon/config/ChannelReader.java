package dev.firebreak.daemon.config;

import dev.firebreak.delivery.ChannelConfig;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.delivery.EndpointAddress;
import dev.firebreak.delivery.channels.ChannelType;
import dev.firebreak.delivery.channels.ChannelTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The {@code channels:} section: each entry becomes a {@link ChannelConfig}, or a problem that
 * names the entry and key ({@code channels[1].url: ...}). Secrets are never quoted in a problem. What
 * differs by type (its secrets, its default rate) comes from its {@link ChannelTypes} descriptor.
 */
final class ChannelReader {
    private static final Set<String> KEYS = Set.of("id", "type", "url", "secret", "secrets", "mobiles", "perMinute",
            "allowPrivate");

    /** (JSON pointer, message) */
    private final BiConsumer<String, String> problem;

    ChannelReader(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    List<ChannelConfig> read(JsonNode list) {
        List<ChannelConfig> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problem.accept("/channels", "channels: expected a list of channels");
            return out;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ChannelConfig c = channel(list.get(i), "/channels/" + i, "channels[" + i + "]", ids);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private ChannelConfig channel(JsonNode c, String at, String name, List<String> ids) {
        if (!c.isObject()) {
            problem.accept(at, name + ": expected a mapping with id, type and url");
            return null;
        }
        int before = problemsSoFar;
        c.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                report(at + "/" + k, name + "." + k + ": unknown key (expected " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        });
        String id = c.path("id").asText(null);
        if (id == null || id.isBlank()) {
            report(at, name + ".id: every channel needs an id");
            return null;
        }
        if (ids.contains(id)) {
            report(at + "/id", name + ".id: duplicate channel id \"" + id + "\"");
            return null;
        }
        ids.add(id);
        String typeName = c.path("type").asText(null);
        ChannelType<?> type = typeName == null ? null : ChannelTypes.named(typeName).orElse(null);
        if (type == null) {
            report(at + (typeName == null ? "" : "/type"), name + ".type: "
                    + (typeName == null ? "missing type" : "unknown type \"" + typeName + "\"")
                    + " (expected " + String.join(", ", ChannelTypes.names(ChannelTypes.ALL)) + ")");
            return null;
        }
        boolean allowPrivate = c.path("allowPrivate").asBoolean(false);
        if (c.has("allowPrivate") && !c.get("allowPrivate").isBoolean()) {
            report(at + "/allowPrivate", name + ".allowPrivate: expected true or false, got \"" + c.get("allowPrivate").asText() + "\"");
        }
        String url = c.path("url").asText(null);
        if (url == null || url.isBlank()) {
            report(at, name + ".url: every channel needs a url");
        } else {
            String why = EndpointAddress.problem(url, allowPrivate, false);
            if (why != null) {
                report(at + "/url", name + ".url: " + why);
            }
        }
        List<String> secrets = secrets(c, at, name, type);
        List<String> mobiles = new ArrayList<>();
        c.path("mobiles").forEach(m -> mobiles.add(m.asText()));
        int perMinute = perMinute(c, at, name, type);
        return problemsSoFar == before ? new ChannelConfig(id, typeName, url, secrets, mobiles, perMinute, allowPrivate) : null;
    }

    private List<String> secrets(JsonNode c, String at, String name, ChannelType<?> type) {
        List<String> secrets = new ArrayList<>();
        if (c.has("secret") && c.has("secrets")) {
            report(at + "/secrets", name + ": give secret or secrets, not both");
        }
        if (c.hasNonNull("secret")) {
            secrets.add(c.get("secret").asText());
        }
        c.path("secrets").forEach(s -> secrets.add(s.asText()));
        String key = c.has("secrets") ? "secrets" : "secret";
        for (ChannelType.SecretProblem p : type.secrets().check(key, secrets)) {
            report(p.onKey() ? at + "/" + key : at, name + "." + p.text());
        }
        return secrets;
    }

    private int perMinute(JsonNode c, String at, String name, ChannelType<?> type) {
        int fallback = type.defaultPerMinute();
        JsonNode n = c.get("perMinute");
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            report(at + "/perMinute", name + ".perMinute: Invalid value " + n.asText()
                    + " for configuration perMinute: must be a whole number of messages, at least 1");
            return fallback;
        }
        return n.asInt();
    }

    private int problemsSoFar;

    private void report(String pointer, String message) {
        problemsSoFar++;
        problem.accept(pointer, message);
    }
}
