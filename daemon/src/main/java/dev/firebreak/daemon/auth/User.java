package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.Role;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.regex.Pattern;

/** One person or system that calls the API. The token is never part of it: only its hash is stored. */
public record User(String name, Role role, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    /** Names appear in URLs and log lines: letters (any script), digits, '.', '_' and '-'. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: expected 1-64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit, got \"" + name + "\"");
        }
        return name;
    }

    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("role", role.wire()).put("createdAt", createdAt.toString());
    }

    static User fromJson(String json) {
        JsonObject o = new JsonObject(json);
        return new User(o.getString("name"), Role.parse(o.getString("role")), Instant.parse(o.getString("createdAt")));
    }
}
