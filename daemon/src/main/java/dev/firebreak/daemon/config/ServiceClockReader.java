package dev.firebreak.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.Durations;
import dev.firebreak.core.Platform;
import dev.firebreak.core.Severity;
import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings.Targets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The {@code serviceClocks:} section: {@code P1..P4: {acknowledge, firstReply, supervisor}} (a duration,
 * or {@code off}), {@code platforms: {weibo: {P1: {...}}}} overriding clock by clock, {@code remindBefore},
 * {@code supervisorLevel} and {@code supervisors} (names). What is left out keeps the seed guide's default.
 */
final class ServiceClockReader {
    private static final Set<String> CLOCKS = Arrays.stream(ClockKind.values()).map(ClockKind::key)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    private final BiConsumer<String, String> problem;

    ServiceClockReader(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    ServiceClockSettings read(JsonNode node) {
        ServiceClockSettings d = ServiceClockSettings.DEFAULT;
        Map<Severity, Targets> bySeverity = new EnumMap<>(d.bySeverity());
        Map<Platform, Map<Severity, Targets>> byPlatform = new EnumMap<>(Platform.class);
        Duration remind = d.remindBefore();
        int level = d.supervisorLevel();
        Set<String> supervisors = new LinkedHashSet<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            String at = "/serviceClocks/" + key;
            Severity severity = severity(key);
            if (severity != null) {
                bySeverity.put(severity, targets(e.getValue(), at, "serviceClocks." + key, bySeverity.get(severity), true));
            } else if (key.equals("platforms")) {
                platforms(e.getValue(), byPlatform);
            } else if (key.equals("remindBefore")) {
                Duration r = duration(e.getValue(), at, "serviceClocks.remindBefore", false);
                if (r != null) remind = r;
            } else if (key.equals("supervisorLevel")) {
                JsonNode v = e.getValue();
                if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 20) {
                    problem.accept(at, "serviceClocks.supervisorLevel: expected an escalation level from 1 to 20, got \""
                            + v.asText() + "\"");
                } else {
                    level = v.asInt();
                }
            } else if (key.equals("supervisors")) {
                supervisors.addAll(names(e.getValue(), at));
            } else {
                problem.accept(at, "serviceClocks." + key + ": unknown key (expected P1, P2, P3, P4, platforms, remindBefore,"
                        + " supervisorLevel, supervisors)");
            }
        }
        return new ServiceClockSettings(bySeverity, byPlatform, remind, level, supervisors);
    }

    private void platforms(JsonNode node, Map<Platform, Map<Severity, Targets>> out) {
        if (!node.isObject()) {
            problem.accept("/serviceClocks/platforms", "serviceClocks.platforms: expected a mapping of platform to {P1: {...}}");
            return;
        }
        node.fields().forEachRemaining(e -> {
            String at = "/serviceClocks/platforms/" + e.getKey();
            String name = "serviceClocks.platforms." + e.getKey();
            Platform p = Arrays.stream(Platform.values()).filter(x -> x.wireName().equals(e.getKey())).findFirst().orElse(null);
            if (p == null) {
                problem.accept(at, name + ": unknown platform (expected "
                        + Arrays.stream(Platform.values()).map(Platform::wireName).collect(Collectors.joining(", ")) + ")");
                return;
            }
            if (!e.getValue().isObject()) {
                problem.accept(at, name + ": expected a mapping of severity (P1..P4) to clocks");
                return;
            }
            Map<Severity, Targets> per = new EnumMap<>(Severity.class);
            e.getValue().fields().forEachRemaining(s -> {
                Severity severity = severity(s.getKey());
                if (severity == null) {
                    problem.accept(at + "/" + s.getKey(), name + "." + s.getKey() + ": unknown severity (expected P1, P2, P3, P4)");
                } else {
                    per.put(severity, targets(s.getValue(), at + "/" + s.getKey(), name + "." + s.getKey(), Targets.NONE, false));
                }
            });
            out.put(p, per);
        });
    }

    /** A severity's clocks; {@code replace}: a clock left out keeps {@code base}'s (the default), else stays unset. */
    private Targets targets(JsonNode node, String at, String name, Targets base, boolean replace) {
        if (!node.isObject()) {
            problem.accept(at, name + ": expected a mapping like {acknowledge: 30m, firstReply: 1h, supervisor: 24h}");
            return base;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!CLOCKS.contains(k)) problem.accept(at + "/" + k, name + "." + k + ": unknown clock (expected "
                    + String.join(", ", CLOCKS) + ")");
        });
        Duration[] d = new Duration[3];
        for (ClockKind k : ClockKind.values()) {
            JsonNode v = node.get(k.key());
            Duration parsed = v == null ? null : duration(v, at + "/" + k.key(), name + "." + k.key(), true);
            d[k.ordinal()] = parsed != null ? parsed : replace ? base.of(k) : null;
        }
        return new Targets(d[0], d[1], d[2]);
    }

    /** A positive duration, or (where {@code offAllowed}) {@code off} as zero. */
    private Duration duration(JsonNode v, String at, String name, boolean offAllowed) {
        // YAML 1.1 reads a bare off (and no) as false: say it as it was written.
        String text = v.isBoolean() ? (v.asBoolean() ? "on" : "off") : v.asText();
        if (offAllowed && text.equals("off")) return Duration.ZERO;
        Duration d = v.isValueNode() && !v.isBoolean() ? Durations.parse(text) : null;
        if (d == null || d.isZero()) {
            problem.accept(at, name + ": " + (d != null ? "must be longer than 0s" : Durations.problem(text))
                    + (offAllowed ? " (or off)" : ""));
            return null;
        }
        return d;
    }

    private Set<String> names(JsonNode node, String at) {
        Set<String> out = new LinkedHashSet<>();
        if (!node.isArray()) {
            problem.accept(at, "serviceClocks.supervisors: expected a list of names like [\"王主管\"]");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isValueNode() || node.get(i).asText().isBlank()) {
                problem.accept(at + "/" + i, "serviceClocks.supervisors[" + i + "]: empty entry");
            } else {
                out.add(node.get(i).asText().strip());
            }
        }
        return out;
    }

    private static Severity severity(String key) {
        return Arrays.stream(Severity.values()).filter(s -> s.name().equals(key)).findFirst().orElse(null);
    }
}
