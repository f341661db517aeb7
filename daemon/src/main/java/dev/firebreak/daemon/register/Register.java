package dev.firebreak.daemon.register;

import dev.firebreak.core.Mention;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.daemon.serviceclock.ServiceClocks;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.store.Lifecycles;
import dev.firebreak.store.MentionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The register operators must keep of every interaction that came through 12315 or 12345: the mentions
 * whose first score found a threat to go there or a filing there ({@code escalation} with one of the
 * hotlines among its channels), read from the index in event time, each with its incident's alert and
 * that alert's state. Blocking (the index, the store): call off the event loop.
 */
public final class Register {
    /** The most lines one request returns; a longer period is asked for in parts. */
    public static final int MAX_LINES = 10_000;
    private static final int EXCERPT = 140;

    private final MentionStore index;
    private final ServiceClocks clocks;
    private final Lifecycles lifecycles;

    public Register(MentionStore index, ServiceClocks clocks, Lifecycles lifecycles) {
        this.index = index;
        this.clocks = clocks;
        this.lifecycles = lifecycles;
    }

    /** The hotlines a mention's first score names (empty: not for the register). */
    public static List<String> hotlines(ScoredMention m) {
        if (m.analysis() == null || m.analysis().escalation() == null || m.analysis().escalation().stage() == null) {
            return List.of();
        }
        return m.analysis().escalation().channels().stream().filter(RegisterEntry.HOTLINES::contains).toList();
    }

    /** Lines in [fromMillis, toMillis) of event time, oldest first; {@code channel} null for both hotlines. */
    public List<RegisterEntry> list(long fromMillis, long toMillis, String channel) throws Exception {
        List<ScoredMention> found = new ArrayList<>();
        index.scan(fromMillis, toMillis, m -> {
            List<String> lines = hotlines(m);
            if (found.size() < MAX_LINES && !lines.isEmpty() && (channel == null || lines.contains(channel))) found.add(m);
        });
        List<RegisterEntry> out = new ArrayList<>();
        for (ScoredMention m : found) out.add(entry(m));
        return out;
    }

    private RegisterEntry entry(ScoredMention s) throws Exception {
        Mention m = s.mention();
        String alertId = null;
        String state = null;
        if (s.storyId() != null) {
            for (String id : clocks.alertsOfStory(s.storyId())) {
                Optional<Lifecycles.Versioned> l = Await.result(lifecycles.lifecycle(id));
                if (l.isEmpty()) continue;
                AlertLifecycle lifecycle = AlertLifecycle.fromJson(l.get().json());
                // An open alert of the incident is the one to work; else the latest resolved one.
                if (alertId == null || lifecycle.state() != AlertLifecycle.State.RESOLVED) {
                    alertId = id;
                    state = lifecycle.state().wireName();
                }
            }
        }
        String text = m.text() == null ? "" : m.text().strip();
        String excerpt = text.codePointCount(0, text.length()) <= EXCERPT ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT)) + "…";
        return new RegisterEntry(m.key(), m.createdAt(), m.platform().wireName(),
                m.author() == null ? null : m.author().id(), m.author() == null ? null : m.author().name(),
                hotlines(s), s.analysis().escalation().stage(), excerpt, m.url(), s.storyId(), alertId, state);
    }
}
