package dev.firebreak.daemon.serviceclock.settings;

import dev.firebreak.core.Platform;
import dev.firebreak.core.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The service targets ({@code serviceClocks:} in the configuration): per severity, with per-platform
 * overrides clock by clock; how long before a deadline the reminder goes on the feed; and what counts
 * as "supervisor reached": the escalation's {@code supervisorLevel}, or the alert assigned to one of
 * the {@code supervisors} by name.
 */
public record ServiceClockSettings(Map<Severity, Targets> bySeverity, Map<Platform, Map<Severity, Targets>> byPlatform,
                                   Duration remindBefore, int supervisorLevel, Set<String> supervisors) {

    /** The deadlines of one severity (null: that clock is not kept). */
    public record Targets(Duration acknowledge, Duration firstReply, Duration supervisor) {
        public static final Targets NONE = new Targets(null, null, null);

        /** The deadline after firing, or null when this clock is not kept (left out, or {@code off}: zero). */
        public Duration of(ClockKind kind) {
            Duration d = switch (kind) {
                case ACKNOWLEDGE -> acknowledge;
                case FIRST_REPLY -> firstReply;
                case SUPERVISOR -> supervisor;
            };
            return d == null || d.isZero() ? null : d;
        }

        /** These targets with each clock {@code over} sets replaced (a platform's override). */
        Targets overriddenBy(Targets over) {
            return new Targets(over.acknowledge != null ? over.acknowledge : acknowledge,
                    over.firstReply != null ? over.firstReply : firstReply,
                    over.supervisor != null ? over.supervisor : supervisor);
        }
    }

    /**
     * The seed guide's targets: a P1 acknowledged within 30 minutes, answered publicly within the hour,
     * its supervisor reached within 24 hours; a P2 within 1 h / 4 h / 24 h; a P3 within 4 h / 24 h; a P4
     * keeps no clocks. Reminders 10 minutes before; the supervisor is escalation level 2.
     */
    public static final ServiceClockSettings DEFAULT = new ServiceClockSettings(defaults(), Map.of(),
            Duration.ofMinutes(10), 2, Set.of());

    public ServiceClockSettings {
        bySeverity = Map.copyOf(bySeverity);
        byPlatform = Map.copyOf(byPlatform);
        supervisors = Set.copyOf(supervisors);
    }

    static Map<Severity, Targets> defaults() {
        Map<Severity, Targets> out = new EnumMap<>(Severity.class);
        out.put(Severity.P1, new Targets(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(24)));
        out.put(Severity.P2, new Targets(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24)));
        out.put(Severity.P3, new Targets(Duration.ofHours(4), Duration.ofHours(24), null));
        out.put(Severity.P4, Targets.NONE);
        return out;
    }

    /** The deadlines for an alert of this severity first seen on this platform (null: unknown). */
    public Targets targets(Severity severity, Platform platform) {
        Targets base = bySeverity.getOrDefault(severity, Targets.NONE);
        Map<Severity, Targets> over = platform == null ? null : byPlatform.get(platform);
        Targets o = over == null ? null : over.get(severity);
        return o == null ? base : base.overriddenBy(o);
    }
}
