package dev.firebreak.daemon.alerting;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.RuleVersion;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
import dev.firebreak.store.SilenceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silences in force: kept in the store (so they survive a restart) and compiled into the engine's
 * rules, carried over when the rules change; and a reminder on the feed before each one ends.
 */
public final class SilenceService {
    public static final String REMINDER_RULE = "silence-expiring";
    private static final Duration REMIND_BEFORE = Duration.ofHours(1);

    private final AlertEngine engine;
    private final SilenceStore store;
    private final Set<String> reminded = ConcurrentHashMap.newKeySet();
    private volatile List<Silence> silences = List.of();

    public SilenceService(AlertEngine engine, SilenceStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** Reads the silences stored before a restart into the engine's rules. */
    public void restore() throws Exception {
        List<Silence> stored = new ArrayList<>();
        for (String json : Await.result(store.silences())) stored.add(FirebreakJson.read(json, Silence.class));
        silences = List.copyOf(stored);
        engine.setRules(engine.rules().withSilences(silences));
    }

    /** New rules (a reload); the silences in force carry over. */
    public void setRules(RuleSet rules) {
        engine.setRules(rules.withSilences(silences));
    }

    /**
     * Adds or replaces a silence; its match must parse ({@link IllegalArgumentException} otherwise,
     * {@code silence "id": match: column N: ...}).
     */
    public void silence(Silence s) throws Exception {
        List<Silence> next = new ArrayList<>(silences.stream().filter(x -> !x.id().equals(s.id())).toList());
        next.add(s);
        RuleSet rules = engine.rules().withSilences(next);   // compiles: a bad match stops here
        Await.result(store.saveSilence(s.id(), FirebreakJson.write(s)));
        silences = List.copyOf(next);
        engine.setRules(rules);
    }

    public boolean unsilence(String id) throws Exception {
        boolean removed = Await.result(store.deleteSilence(id));
        silences = silences.stream().filter(x -> !x.id().equals(id)).toList();
        engine.setRules(engine.rules().withSilences(silences));
        return removed;
    }

    public List<Silence> silences() {
        return silences;
    }

    /**
     * Puts a reminder (rule {@code silence-expiring}, P4) for each silence that ends within an hour of
     * {@code now}, once per silence and end. Returns how many were recorded.
     */
    public int remind(Instant now, AlertRecorder out) throws Exception {
        int n = 0;
        for (Silence s : remindersDue(now, REMIND_BEFORE)) {
            if (out.record(AlertVersion.fired(reminder(s, now), List.of(), System.nanoTime()))) n++;
        }
        return n;
    }

    /** Silences that end within {@code before} of {@code now} and have not been reminded of yet. */
    public List<Silence> remindersDue(Instant now, Duration before) {
        return engine.rules().silences().remindersDue(now, before).stream()
                .filter(s -> reminded.add(s.id() + "@" + s.expiresAt())).toList();
    }

    private static Alert reminder(Silence s, Instant now) {
        String reason = "静默即将到期：" + s.reason() + "（" + s.creator() + "，到期 " + s.expiresAt() + "）/ Silence \""
                + s.id() + "\" by " + s.creator() + " ends at " + s.expiresAt() + ": " + s.reason();
        return new Alert(RuleVersion.alertId(REMINDER_RULE, s.id() + "@" + s.expiresAt()), REMINDER_RULE, "1",
                Severity.P4, null, now.atOffset(ZoneOffset.ofHours(8)), reason, List.of(), null, AlertStatus.FIRING);
    }
}
