package dev.firebreak.daemon.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route: {@link #PUBLIC} needs no token (outside {@code /api} nothing does); otherwise
 * the roles allowed, everyone else gets 403.
 */
public record Access(boolean open, Set<Role> roles) {
    public static final Access PUBLIC = new Access(true, Set.of());
    public static final Access ALL = new Access(false, EnumSet.allOf(Role.class));
    /** The agents work alerts; admins may do whatever they do. */
    public static final Access AGENT = new Access(false, EnumSet.of(Role.AGENT, Role.ADMIN));
    /** PR staff manage their own subscriptions and see their deliveries. */
    public static final Access PR = new Access(false, EnumSet.of(Role.PR, Role.ADMIN));
    public static final Access ADMIN = new Access(false, EnumSet.of(Role.ADMIN));

    public Access {
        roles = Set.copyOf(roles);
    }
}
