package dev.firebreak.stories.virality;

import java.util.List;

/**
 * Forecasts a story's final size (24 h after its root) from its early reshares: SEISMIC's
 * self-exciting point process with a log-linear correction and an 80 % band, all calibrated on
 * training cascades (see {@code virality/forecaster.properties} and BENCHMARKS.md).
 * Immutable and thread-safe; a forecast costs O(n) in reshares, and {@link #start} gives the
 * incremental form for stories that grow one reshare at a time.
 */
public final class Forecaster {
    private static final class Bundled {
        static final Forecaster INSTANCE = new Forecaster(ViralityParameters.bundled());
    }

    private final ViralityParameters parameters;
    private final Kernel kernel;

    Forecaster(ViralityParameters parameters) {
        this.parameters = parameters;
        this.kernel = new Kernel(parameters.s0(), parameters.theta());
    }

    /** The forecaster with the bundled, calibrated parameters (loaded once). */
    public static Forecaster load() {
        return Bundled.INSTANCE;
    }

    /**
     * @param rootFollowers   the root author's follower count; negative when unknown
     * @param reshares        the story's reshares, any order (cheapest in time order); those after
     *                        {@code observedSeconds} are ignored
     * @param observedSeconds how long after the root the story has been watched
     */
    public Forecast forecast(long rootFollowers, List<Reshare> reshares, long observedSeconds) {
        ForecastState state = start(rootFollowers);
        for (int i = 0, n = reshares.size(); i < n; i++) {
            Reshare r = reshares.get(i);
            if (r.offsetSeconds() <= observedSeconds) state.add(r.offsetSeconds(), r.followers());
        }
        return state.forecast(observedSeconds);
    }

    /** A running forecast for one story whose root author has {@code rootFollowers} (negative: unknown). */
    public ForecastState start(long rootFollowers) {
        return new ForecastState(parameters, kernel, rootFollowers);
    }

    /** The final-size horizon in seconds after the root (24 h). */
    public long horizonSeconds() {
        return (long) parameters.horizonSeconds();
    }

    ViralityParameters parameters() {
        return parameters;
    }
}
