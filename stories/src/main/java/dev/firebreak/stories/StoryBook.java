package dev.firebreak.stories;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.EventClock;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.stories.virality.Forecast;
import dev.firebreak.stories.virality.Forecaster;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stories in play: their state, signals, forecast and risk, updated batch by batch as mentions
 * arrive. The most recently active {@code capacity} stories are kept in memory; any other is rebuilt
 * from the index (its mentions carry their story id) the first time it is needed again, so the index
 * stays the one record and a restart loses nothing. Risk fades on the {@link EventClock}: event time in
 * a replay, the wall clock live. Thread-safe (synchronized).
 */
public final class StoryBook {
    private static final long HOUR = 3_600_000;
    /** Risk falls by e every 12 hours of silence: a story nobody adds to needs people less. */
    private static final double QUIET_HOURS = 12;

    private final Forecaster forecaster;
    private final BrandAccounts brand;
    private final Function<String, List<ScoredMention>> loader;
    private final Map<String, StoryState> states;
    private final Map<String, StorySnapshot> snapshots = new LinkedHashMap<>();
    /** Original post -> its story, for the counter observations that follow originals over time. */
    private final Map<String, String> storyOfOriginal = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 200_000;
        }
    };
    /** What risk fades against; the book moves it in event time as mentions are recorded. */
    private final EventClock clock;

    /** In event time (replays, benchmarks); {@code loader} gives a story's mentions from the index (empty if none), in any order. */
    public StoryBook(Forecaster forecaster, int capacity, Function<String, List<ScoredMention>> loader) {
        this(forecaster, capacity, loader, EventClock.eventTime(), BrandAccounts.NONE);
    }

    /** As above, fading risk on {@code clock}. */
    public StoryBook(Forecaster forecaster, int capacity, Function<String, List<ScoredMention>> loader, EventClock clock) {
        this(forecaster, capacity, loader, clock, BrandAccounts.NONE);
    }

    /** As above; {@code brand}: the brand's own accounts, whose posts are recorded as its responses. */
    public StoryBook(Forecaster forecaster, int capacity, Function<String, List<ScoredMention>> loader, BrandAccounts brand) {
        this(forecaster, capacity, loader, EventClock.eventTime(), brand);
    }

    /** Risk fading on {@code clock}, the brand's posts recorded as its responses. */
    public StoryBook(Forecaster forecaster, int capacity, Function<String, List<ScoredMention>> loader,
                     EventClock clock, BrandAccounts brand) {
        this.clock = clock;
        this.forecaster = forecaster;
        this.brand = brand;
        this.loader = loader;
        this.states = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoryState> eldest) {
                if (size() <= capacity) return false;
                snapshots.remove(eldest.getKey());
                return true;
            }
        };
    }

    /** The clock risk fades against. */
    public EventClock clock() {
        return clock;
    }

    /** Adds a batch of scored mentions to their stories; returns the new snapshot of each story touched. */
    public synchronized Map<String, StorySnapshot> record(List<ScoredMention> batch) {
        return record(batch, java.util.Set.of());
    }

    /**
     * As {@link #record(List)}; {@code started} names stories this batch began, which need not be
     * looked for in the index (a new original's story holds nothing older).
     */
    public synchronized Map<String, StorySnapshot> record(List<ScoredMention> batch, java.util.Set<String> started) {
        for (String id : started) {
            if (!states.containsKey(id)) states.put(id, new StoryState(id, forecaster, brand));
        }
        Map<String, StoryState> touched = new LinkedHashMap<>();
        for (ScoredMention m : batch) {
            if (m.storyId() == null) continue;
            // A story read back from the index already holds the batch's mentions (they are indexed
            // first), so being read back counts as a change too.
            boolean inMemory = states.containsKey(m.storyId());
            StoryState s = state(m.storyId());
            if (s.add(m) || !inMemory) touched.put(s.id, s);
            if (StoryAssigner.isOriginal(m.mention())) storyOfOriginal.put(m.key(), s.id);
            clock.saw(m.mention().createdAt().toInstant());
        }
        Map<String, StorySnapshot> out = new LinkedHashMap<>();
        touched.values().forEach(s -> out.put(s.id, present(snapshot(s))));
        return out;
    }

    /** Later counters of followed posts: their growth is the story's engagement when it was seen. */
    public synchronized Map<String, StorySnapshot> observe(List<CounterObservation> observations) {
        Map<String, StoryState> touched = new LinkedHashMap<>();
        for (CounterObservation o : observations) {
            String id = storyOfOriginal.getOrDefault(o.mentionKey(), o.mentionKey());
            StoryState s = states.get(id);
            if (s != null && s.observe(o.mentionKey(), o.observedAt().toInstant().toEpochMilli(), o.metrics().engagement())) {
                touched.put(id, s);
            }
        }
        Map<String, StorySnapshot> out = new LinkedHashMap<>();
        touched.values().forEach(s -> out.put(s.id, present(snapshot(s))));
        return out;
    }

    /** The story, or null if neither memory nor the index knows it. */
    public synchronized StorySnapshot get(String id) {
        StorySnapshot known = snapshots.get(id);
        if (known != null) return present(known);
        StoryState s = state(id);
        if (s.size == 0) {
            states.remove(id);
            return null;
        }
        return present(snapshot(s));
    }

    /** The stories most in need of a person now, highest risk first, among those held in memory. */
    public synchronized List<StorySnapshot> byRisk(int limit) {
        List<StorySnapshot> ranked = new ArrayList<>();
        for (StorySnapshot s : snapshots.values()) ranked.add(present(s));
        ranked.sort(Comparator.comparingDouble(StorySnapshot::risk).reversed());
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    private StoryState state(String id) {
        StoryState s = states.get(id);
        if (s == null) {
            s = new StoryState(id, forecaster, brand);
            List<ScoredMention> known = new ArrayList<>(loader.apply(id));
            known.sort(Comparator.comparing(m -> m.mention().createdAt()));
            for (ScoredMention m : known) s.add(m);
            states.put(id, s);
        }
        return s;
    }

    private StorySnapshot snapshot(StoryState s) {
        Forecast forecast = s.forecast();
        long[] h1 = s.window(s.lastMillis, 1);
        long[] h6 = s.window(s.lastMillis, 6);
        long[] h24 = s.window(s.lastMillis, 24);
        long[] two = s.lastTwoHours(s.lastMillis);
        StorySnapshot.Signals signals = new StorySnapshot.Signals(h1[0], h6[0] / 6.0, h24[0] / 24.0, h1[1], h24[1] / 24.0,
                two[0] - two[1], s.reach, s.engagement, List.copyOf(s.kols), List.copyOf(s.mediaOrGovernment),
                s.size == 0 ? 0 : (double) s.negative / s.size,
                new StorySnapshot.Escalations(s.threats, s.filed, List.copyOf(s.channels)));
        List<StorySnapshot.Hour> series = new ArrayList<>();
        s.hours.forEach((start, v) -> series.add(new StorySnapshot.Hour(iso(start), v[0], v[1])));
        List<String> mentions = new ArrayList<>(s.latest);
        StorySnapshot snap = new StorySnapshot(s.id, s.title, List.copyOf(s.platforms), s.size, s.originals,
                iso(s.firstMillis), iso(s.lastMillis), signals, forecast, 0, series, List.copyOf(mentions),
                s.carriers.byRole(), s.carriers.responses(), s.carriers.firstResponseAt());
        snap = withRisk(snap, risk(s, snap));
        snapshots.put(s.id, snap);
        return snap;
    }

    /**
     * How much a story needs a person now: its forecast size on a log scale, weighted by how negative
     * it is, by escalation threats (more) and filings (most), by KOLs or media and government accounts
     * carrying it, and fading the longer it has been quiet (in event time).
     */
    static double risk(StoryState s, StorySnapshot snap) {
        double size = Math.log10(1 + (snap.forecast() == null ? s.size : snap.forecast().predictedFinal()));
        double negativity = 0.25 + snap.signals().negativeShare();
        double escalation = 1 + 0.5 * Math.min(1, s.threats) + Math.min(1, s.filed);
        double carriers = 1 + 0.5 * Math.min(1, s.kols.size() + s.mediaOrGovernment.size());
        return size * negativity * escalation * carriers;
    }

    /**
     * The snapshot with its risk faded by how long the story has been quiet up to the clock's now (a
     * story stamped ahead of the wall clock is not quiet). It depends on the story's members and the
     * clock alone, so a story rebuilt after a restart reads as it did.
     */
    private StorySnapshot present(StorySnapshot snap) {
        StoryState s = states.get(snap.id());
        long now = clock.millis();
        long quiet = s == null || now == Long.MIN_VALUE ? 0 : Math.max(0, now - s.lastMillis);
        return withRisk(snap, snap.risk() * Math.exp(-quiet / (QUIET_HOURS * HOUR)));
    }

    private static StorySnapshot withRisk(StorySnapshot s, double risk) {
        return new StorySnapshot(s.id(), s.title(), s.platforms(), s.size(), s.originals(), s.firstAt(), s.lastAt(),
                s.signals(), s.forecast(), risk, s.series(), s.mentions(), s.carriers(), s.brandResponses(), s.brandRespondedAt());
    }

    private static String iso(long millis) {
        return millis == Long.MAX_VALUE || millis == Long.MIN_VALUE ? null
                : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.ofHours(8)).toString();
    }
}
