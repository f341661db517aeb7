package dev.firebreak.daemon.alerting;

import dev.firebreak.rules.engine.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each rule did, counted from the engine's decisions: the mentions it matched, the alerts it
 * opened (owned), the alerts of other rules it joined, the updates it made, and every time it was muted,
 * by what (a silence by id and reason, an inhibiting alert by id, cooldown, the {@code for} wait, its
 * hours). In memory, per rule id; safe to read while the pipeline's worker counts.
 */
public final class RuleCounts {
    /** One reason a rule was muted, with how often. {@code by}/{@code reason}: the silence or the alert, else null. */
    public record Muted(String why, String by, String reason, long count) { }

    /** One rule's counts. */
    public record Counts(String ruleId, long matched, long owned, long joined, long updates, List<Muted> muted) { }

    private static final class Tally {
        long matched;
        long owned;
        long joined;
        long updates;
        final Map<String, Muted> muted = new TreeMap<>();
    }

    private final Map<String, Tally> byRule = new LinkedHashMap<>();

    public synchronized void count(Decision d) {
        Tally t = byRule.computeIfAbsent(d.rule().id(), x -> new Tally());
        t.matched++;
        switch (d.kind()) {
            case FIRE -> t.owned++;
            case UPDATE -> {
                if (d.joined()) t.joined++;
                else t.updates++;
            }
            case SUPPRESSED -> {
                String why = d.suppression().name().toLowerCase(Locale.ROOT);
                String key = why + "\n" + (d.by() == null ? "" : d.by());
                Muted was = t.muted.get(key);
                t.muted.put(key, new Muted(why, d.by(), d.note(), was == null ? 1 : was.count() + 1));
            }
        }
    }

    /** The counts of these rules (in this order; a rule that decided nothing has zeros). */
    public synchronized List<Counts> report(List<String> ruleIds) {
        List<Counts> out = new ArrayList<>(ruleIds.size());
        for (String id : ruleIds) {
            Tally t = byRule.get(id);
            out.add(t == null ? new Counts(id, 0, 0, 0, 0, List.of())
                    : new Counts(id, t.matched, t.owned, t.joined, t.updates, List.copyOf(t.muted.values())));
        }
        return out;
    }

    /** Times any rule was muted. */
    public synchronized long muted() {
        long n = 0;
        for (Tally t : byRule.values()) {
            for (Muted m : t.muted.values()) n += m.count();
        }
        return n;
    }
}
