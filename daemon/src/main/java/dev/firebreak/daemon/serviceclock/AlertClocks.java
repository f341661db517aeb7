package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import dev.firebreak.core.FirebreakJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** An alert's service clocks as stored: the alert, its incident (story), severity, platform and clocks. */
public record AlertClocks(String alertId, String storyId, String severity, String platform, List<ServiceClock> clocks) {
    public AlertClocks {
        clocks = List.copyOf(clocks);
    }

    public boolean pending() {
        return clocks.stream().anyMatch(ServiceClock::pending);
    }

    public java.util.Optional<ServiceClock> clock(ClockKind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** These clocks with {@code kind}'s changed by {@code change} (unchanged when the alert keeps no such clock). */
    public AlertClocks with(ClockKind kind, UnaryOperator<ServiceClock> change) {
        List<ServiceClock> next = new ArrayList<>();
        clocks.forEach(c -> next.add(c.kind() == kind ? change.apply(c) : c));
        return new AlertClocks(alertId, storyId, severity, platform, next);
    }

    public String toJson() {
        return FirebreakJson.write(this);
    }

    public static AlertClocks fromJson(String json) {
        return FirebreakJson.read(json, AlertClocks.class);
    }
}
