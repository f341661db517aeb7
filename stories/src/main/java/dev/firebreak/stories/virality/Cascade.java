package dev.firebreak.stories.virality;

import java.util.ArrayList;
import java.util.List;

/**
 * One recorded cascade for calibration and benchmarks: its root's follower count and every reshare
 * (offset from the root in seconds, resharer's followers; negative = unknown), in time order.
 */
record Cascade(String id, String source, long rootFollowers, long[] offsets, long[] followers) {

    /** Size at {@code t} seconds after the root, root included. */
    int sizeAt(long t) {
        int lo = 0;
        int hi = offsets.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo + 1;
    }

    /** The first {@code time} at which the size reached {@code size} (0 for the root alone). */
    long timeOfSize(int size) {
        return size <= 1 ? 0 : offsets[Math.min(size, offsets.length + 1) - 2];
    }

    List<Reshare> reshares() {
        List<Reshare> out = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) out.add(new Reshare(offsets[i], followers[i]));
        return out;
    }

    /** A running forecast fed with this cascade's reshares up to {@code t}. */
    ForecastState state(Forecaster forecaster, long t) {
        ForecastState s = forecaster.start(rootFollowers);
        for (int i = 0; i < offsets.length && offsets[i] <= t; i++) s.add(offsets[i], followers[i]);
        return s;
    }
}
