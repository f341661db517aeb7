package dev.firebreak.monitor.virality;

import java.util.List;

/** Placeholder until the virality branch lands. */
public final class Forecaster {
    public static Forecaster load() {
        return new Forecaster();
    }

    public Forecast forecast(long rootFollowers, List<Reshare> reshares, long observedSeconds) {
        int n = 1 + (int) reshares.stream().filter(r -> r.offsetSeconds() <= observedSeconds).count();
        return new Forecast(n, n * 2.0, n, n * 4.0, null, "stub");
    }
}
