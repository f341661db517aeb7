package dev.firebreak.stories;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Escalation;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.stories.virality.Forecast;
import dev.firebreak.stories.virality.ForecastState;
import dev.firebreak.stories.virality.Forecaster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Firebreak knows of one story, updated mention by mention in event time: its members, where
 * it is, who carried it, how it feels, and its hourly series. Adding a mention it already holds is a
 * no-op (up to {@link #TRACKED} members), so a batch processed again after a crash counts once.
 * Not thread-safe: the {@link StoryBook} serialises access.
 */
public final class StoryState {
    static final int TRACKED = 5_000;          // members (and reshares) remembered one by one
    static final long KOL_FOLLOWERS = 100_000;
    static final int LATEST = 200;
    static final int MAX_RESHARES = 100_000;   // the forecast has long settled by then
    static final int HOURS_KEPT = 7 * 24;
    private static final long HOUR = 3_600_000;

    final String id;
    long firstMillis = Long.MAX_VALUE;
    long lastMillis = Long.MIN_VALUE;
    long size;
    long originals;
    long negative;
    long threats;
    long filed;
    long reach;
    long engagement;
    final Set<String> channels = new TreeSet<>();
    final Set<String> platforms = new TreeSet<>();
    /** Member key -> its latest known engagement (reposts + comments + likes + shares + collects). */
    final LinkedHashMap<String, Long> members = new LinkedHashMap<>();
    final Set<String> authors = new LinkedHashSet<>();
    final List<Carrier> kols = new ArrayList<>();
    final List<Carrier> mediaOrGovernment = new ArrayList<>();
    final TreeMap<Long, long[]> hours = new TreeMap<>();   // hour start -> {mentions, engagement}
    /** Every repost and copy after the first member, as (event time ms, followers), for the forecast. */
    final List<long[]> reshares = new ArrayList<>();
    long rootFollowers;
    Title title;
    /** The newest members' keys, for the API (the whole list can be thousands). */
    final java.util.ArrayDeque<String> latest = new java.util.ArrayDeque<>();
    final Carriers carriers;
    private final Forecaster forecaster;
    private ForecastState running;      // the forecast, fed reshare by reshare; null: rebuild from reshares

    /** Someone who carried the story: a KOL, or a verified media or government account. */
    public record Carrier(String name, String platform, long followers, String accountType) { }

    /** The most representative mention: the original post by the most-followed author. */
    public record Title(String mentionKey, String text, String author, long followers) { }

    StoryState(String id, Forecaster forecaster) {
        this(id, forecaster, BrandAccounts.NONE);
    }

    StoryState(String id, Forecaster forecaster, BrandAccounts brand) {
        this.id = id;
        this.forecaster = forecaster;
        this.carriers = new Carriers(brand);
    }

    /** The forecast at the latest member (event time). */
    Forecast forecast() {
        if (size == 0) return null;
        if (running == null) {
            running = forecaster.start(rootFollowers);
            for (long[] r : reshares) running.add(Math.max(0, (r[0] - firstMillis) / 1000), r[1]);
        }
        return running.forecast(Math.max(0, (lastMillis - firstMillis) / 1000));
    }

    /** Adds a member; false when the story already holds it. */
    boolean add(ScoredMention scored) {
        Mention m = scored.mention();
        if (members.containsKey(m.key())) return false;
        if (members.size() < TRACKED) members.put(m.key(), m.metrics().engagement());
        long at = m.createdAt().toInstant().toEpochMilli();
        if (at < firstMillis) running = null;   // an older member came late: offsets move, rebuild
        size++;
        latest.addLast(m.key());
        if (latest.size() > LATEST) latest.removeFirst();
        platforms.add(m.platform().wireName());
        firstMillis = Math.min(firstMillis, at);
        lastMillis = Math.max(lastMillis, at);
        long followers = m.author().followers();
        String platform = m.platform().wireName();
        boolean newAuthor = authors.size() < TRACKED ? authors.add(m.author().id()) : true;
        if (newAuthor) {
            reach += followers;
            if (followers >= KOL_FOLLOWERS && kols.size() < 20) {
                kols.add(new Carrier(m.author().name(), platform, followers, m.author().accountType()));
            }
            if (m.author().mediaOrGovernment() && mediaOrGovernment.size() < 20) {
                mediaOrGovernment.add(new Carrier(m.author().name(), platform, followers, m.author().accountType()));
            }
        }
        carriers.add(m, scored.analysis(), at);
        long engaged = m.metrics().engagement();
        engagement += engaged;
        long[] hour = hours.computeIfAbsent(Math.floorDiv(at, HOUR) * HOUR, h -> new long[2]);
        hour[0]++;
        hour[1] += engaged;
        while (hours.size() > HOURS_KEPT) hours.pollFirstEntry();
        if (scored.analysis() != null) {
            if (scored.analysis().label() == Sentiment.NEGATIVE) negative++;
            Escalation esc = scored.analysis().escalation();
            if (esc != null) {
                if ("filed".equals(esc.stage())) filed++;
                else threats++;
                channels.addAll(esc.channels());
            }
        }
        if (StoryAssigner.isOriginal(m)) {
            originals++;
            if (title == null || followers > title.followers()) {
                title = new Title(m.key(), m.text(), m.author().name(), followers);
            }
        }
        if (size == 1) {
            rootFollowers = followers;
        } else if (m.kind() != Kind.COMMENT && reshares.size() < MAX_RESHARES) {
            // The forecast was fitted on reposts: comments are talk about a story, not its spread;
            // copies by other accounts spread it as reposts do.
            reshares.add(new long[] {at, followers});
            if (running != null) running.add(Math.max(0, (at - firstMillis) / 1000), followers);
        }
        return true;
    }

    /**
     * A member's counters seen again later: the growth since they were last known is the story's
     * engagement in the hour it was seen. An observation of a mention it does not hold, or an older
     * one, changes nothing.
     */
    boolean observe(String mentionKey, long atMillis, long engagementNow) {
        Long before = members.get(mentionKey);
        if (before == null || engagementNow <= before) return false;
        members.put(mentionKey, engagementNow);
        engagement += engagementNow - before;
        hours.computeIfAbsent(Math.floorDiv(atMillis, HOUR) * HOUR, h -> new long[2])[1] += engagementNow - before;
        while (hours.size() > HOURS_KEPT) hours.pollFirstEntry();
        return true;
    }

    /** Mentions in the hour up to {@code atMillis}, and in the hour before it. */
    long[] lastTwoHours(long atMillis) {
        long now = 0;
        long before = 0;
        for (var e : hours.tailMap(Math.floorDiv(atMillis - 2 * HOUR, HOUR) * HOUR, true).entrySet()) {
            long start = e.getKey();
            if (start > atMillis - HOUR) now += e.getValue()[0];
            else if (start > atMillis - 2 * HOUR) before += e.getValue()[0];
        }
        return new long[] {now, before};
    }

    /** Mentions and engagement in the {@code hours} hours up to {@code atMillis}. */
    long[] window(long atMillis, int windowHours) {
        long mentions = 0;
        long engaged = 0;
        for (var e : hours.tailMap(atMillis - windowHours * HOUR, false).entrySet()) {
            if (e.getKey() > atMillis) break;
            mentions += e.getValue()[0];
            engaged += e.getValue()[1];
        }
        return new long[] {mentions, engaged};
    }
}
