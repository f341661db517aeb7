package dev.firebreak.daemon.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What a user may do: agents work alerts, PR staff read and manage their webhooks, admins run the daemon. */
public enum Role {
    AGENT, PR, ADMIN;

    /** The name used in JSON, on the routing context and in the access table. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wire().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role: " + (text == null ? "missing" : "unknown role \"" + text + "\"")
                + " (expected " + spoken(Arrays.asList(values())) + ")");
    }

    /** "admin", "agent or admin", "agent, pr or admin": for error messages. */
    public static String spoken(Collection<Role> roles) {
        List<String> names = roles.stream().sorted().map(Role::wire).toList();
        if (names.isEmpty()) {
            return "no role";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
