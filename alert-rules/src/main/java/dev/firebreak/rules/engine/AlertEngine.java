package dev.firebreak.rules.engine;

import dev.firebreak.core.ChinaTime;
import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.MatchInput;
import dev.firebreak.rules.RuleVersion;
import dev.firebreak.rules.StoryFacts;
import dev.firebreak.rules.model.AlertRule;
import dev.firebreak.rules.model.Grouping;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, mention by mention, which alerts fire, update or are held back. Pure logic on event time:
 * the same mentions in the same order give the same decisions, whatever the wall clock says.
 *
 * <h2>How a matching mention is decided</h2>
 * Rules are tried most severe first. For each rule whose {@code when} and {@code match} hold:
 * <ol>
 * <li><b>Group.</b> The alert's group is the mention's story ({@code group: story}, the default; the
 *     story id, or the root post's key when the mention has no story), its author ({@code author}:
 *     {@code platform:authorId}, per rule) or the rule itself ({@code rule}). All story-grouped rules
 *     share <em>one</em> group per story: a story has at most one open story alert, whichever rules match it.</li>
 * <li><b>Update, not repeat.</b> If the group has an open alert, the decision is UPDATE: same id, the
 *     story's latest figures, the mention added (the first 10 and the latest 40 mentions are kept). If
 *     the matching rule is more severe than the alert (and no silence covers it), the update
 *     <em>raises</em> the alert to that rule's severity, rule id, version and reason. Open alerts update
 *     whatever the silences, inhibitions, cooldowns and hours: they only hold back new alerts. A rule that
 *     matches a group already decided for the same mention adds no second UPDATE.</li>
 * <li>Otherwise it would FIRE, unless, in this order: a silence in force covers the rule and mention
 *     (SILENCED); an open alert about the same story is at least two severities worse — a P<i>k</i> alert
 *     mutes P<i>k+2</i> and below, so P1 mutes P3 and P4, P2 mutes P4 (INHIBITED; open alerts are never
 *     closed by this, and an alert opened later does not reach back); the group fired or was resolved
 *     less than {@code cooldown} ago (COOLDOWN); the condition has not held for {@code for} yet (PENDING);
 *     the mention's time is outside the rule's active hours in its time zone (OUTSIDE_HOURS).</li>
 * </ol>
 *
 * <h2>Alert ids</h2>
 * The first alert of a rule on a group is {@code RuleVersion.alertId(ruleId, groupKey)}; if the group
 * fires again after its alert was resolved (and the cooldown passed), the <i>n</i>-th alert of the group is
 * that id followed by {@code -n} ({@code …-2}, {@code …-3}). The count is part of the state, so ids are
 * never reused.
 *
 * <h2>{@code for}</h2>
 * The first matching mention of a rule on a group starts the wait; the rule fires on the first matching
 * mention at least {@code for} later. If no matching mention comes for longer than {@code for}, the
 * condition is taken to have stopped holding and the wait starts again at the next one.
 *
 * <h2>Resolving</h2>
 * Alerts close only when the lifecycle says so: call {@link #resolve}. Not thread-safe on its own;
 * every method is synchronized.
 */
public final class AlertEngine {
    static final int KEEP_FIRST = 10;
    static final int KEEP_LAST = 40;
    private static final int SWEEP_EVERY = 8192;

    private RuleSet rules;
    /** Story groups, shared by every story-grouped rule, by story id. */
    private final Map<String, Group> stories = new HashMap<>();
    /** Author and rule groups, by rule id then group key. */
    private final Map<String, Map<String, Group>> byRule = new HashMap<>();
    /** Waits for {@code for}, by rule id then group key. */
    private final Map<String, Map<String, Pending>> pending = new HashMap<>();
    /** Open alerts by id, and by the story they are about (for inhibition). */
    private final Map<String, Group> open = new HashMap<>();
    private final Map<String, List<Group>> openByStory = new HashMap<>();
    private long evaluations;

    /** Mutable state of one group. */
    private static final class Group {
        final String ruleId;   // null for a story group
        final String key;
        int fires;
        Alert alert;           // the open alert, or null
        Instant lastFiredAt;
        Instant resolvedAt;
        String decidedFor;     // the mention this group last decided, so it decides once per mention

        Group(String ruleId, String key) {
            this.ruleId = ruleId;
            this.key = key;
        }
    }

    private static final class Pending {
        Instant since;
        Instant last;

        Pending(Instant since) {
            this.since = since;
            this.last = since;
        }
    }

    public AlertEngine(RuleSet rules) {
        this(rules, EngineState.EMPTY);
    }

    public AlertEngine(RuleSet rules, EngineState state) {
        this.rules = rules;
        restore(state);
    }

    /** New rules or silences in force; open alerts, counts and waits of rules that still exist are kept. */
    public synchronized void setRules(RuleSet next) {
        this.rules = next;
        Set<String> ids = new HashSet<>();
        next.rules().forEach(r -> ids.add(r.id()));
        pending.keySet().retainAll(ids);
    }

    public synchronized RuleSet rules() {
        return rules;
    }

    /**
     * Every decision the rules make about one mention at event time {@code at} (normally its
     * {@code createdAt}); empty when no rule matches. Allocates nothing for rules that do not match.
     */
    public synchronized List<Decision> evaluate(ScoredMention m, StoryFacts story, Instant at) {
        if (++evaluations % SWEEP_EVERY == 0) {
            sweep(at);
        }
        List<Decision> out = null;
        MatchInput input = null;
        List<AlertRule> list = rules.rules();
        for (int i = 0, n = list.size(); i < n; i++) {
            AlertRule r = list.get(i);
            if (!r.when().test(m, story)) {
                continue;
            }
            if (r.compiledMatch() != null) {
                if (input == null) input = MatchInput.of(m.mention());
                if (!r.compiledMatch().matches(input)) continue;
            }
            if (input == null) input = MatchInput.of(m.mention());
            Decision d = decide(r, m, story, at, input);
            if (d != null) {
                if (out == null) out = new ArrayList<>(2);
                out.add(d);
            }
        }
        return out == null ? List.of() : out;
    }

    private Decision decide(AlertRule r, ScoredMention m, StoryFacts story, Instant at, MatchInput input) {
        String storyId = storyIdOf(m);
        String key = switch (r.group()) {
            case STORY -> storyId;
            case AUTHOR -> m.mention().platform().wireName() + ":" + (m.mention().author() == null ? "?" : m.mention().author().id());
            case RULE -> r.id();
        };
        Group g = r.group() == Grouping.STORY ? stories.get(key) : groupsOf(r.id()).get(key);

        Pending wait = null;
        if (!r.forDuration().isZero()) {
            Map<String, Pending> waits = pending.computeIfAbsent(r.id(), x -> new HashMap<>());
            wait = waits.get(key);
            if (wait == null || at.isAfter(wait.last.plus(r.forDuration()))) {
                wait = new Pending(at);
                waits.put(key, wait);
            } else if (at.isAfter(wait.last)) {
                wait.last = at;
            }
        }

        if (g != null && g.alert != null) {
            clearWait(r, key);
            boolean raise = r.severity().compareTo(g.alert.severity()) < 0
                    && rules.silences().silencing(r.id(), input, at) == null;
            if (!raise && m.key().equals(g.decidedFor)) {
                return null;
            }
            g.decidedFor = m.key();
            g.alert = updated(g.alert, r, m, story, raise);
            return Decision.update(r, key, g.alert, raise);
        }

        Silence silence = rules.silences().silencing(r.id(), input, at);
        if (silence != null) {
            return Decision.suppressed(r, key, Decision.Suppression.SILENCED, silence.id(), null);
        }
        Alert inhibitor = inhibitor(storyId, r.severity());
        if (inhibitor != null) {
            return Decision.suppressed(r, key, Decision.Suppression.INHIBITED, inhibitor.id(), null);
        }
        if (g != null) {
            Instant last = g.resolvedAt != null && (g.lastFiredAt == null || g.resolvedAt.isAfter(g.lastFiredAt))
                    ? g.resolvedAt : g.lastFiredAt;
            if (last != null && at.isBefore(last.plus(r.cooldown()))) {
                return Decision.suppressed(r, key, Decision.Suppression.COOLDOWN, null, last.plus(r.cooldown()));
            }
        }
        if (wait != null && at.isBefore(wait.since.plus(r.forDuration()))) {
            return Decision.suppressed(r, key, Decision.Suppression.PENDING, null, wait.since.plus(r.forDuration()));
        }
        if (r.hours() != null && !r.hours().allows(at)) {
            return Decision.suppressed(r, key, Decision.Suppression.OUTSIDE_HOURS, null, null);
        }

        if (g == null) {
            g = new Group(r.group() == Grouping.STORY ? null : r.id(), key);
            if (r.group() == Grouping.STORY) {
                stories.put(key, g);
            } else {
                groupsOf(r.id()).put(key, g);
            }
        }
        clearWait(r, key);
        g.fires++;
        String id = RuleVersion.alertId(r.id(), key) + (g.fires == 1 ? "" : "-" + g.fires);
        OffsetDateTime firedAt = at.atOffset(m.mention().createdAt() == null ? ChinaTime.OFFSET
                : m.mention().createdAt().getOffset());
        g.alert = new Alert(id, r.id(), r.version(), r.severity(), storyId, firedAt,
                r.reason().render(r.id(), m, story), List.of(m.key()), story.figures(), AlertStatus.FIRING);
        g.lastFiredAt = at;
        g.decidedFor = m.key();
        opened(g);
        return Decision.fire(r, key, g.alert);
    }

    private static Alert updated(Alert a, AlertRule r, ScoredMention m, StoryFacts story, boolean raise) {
        List<String> mentions = a.mentions();
        if (!mentions.contains(m.key())) {
            List<String> next = new ArrayList<>(Math.min(mentions.size() + 1, KEEP_FIRST + KEEP_LAST));
            if (mentions.size() < KEEP_FIRST + KEEP_LAST) {
                next.addAll(mentions);
            } else {
                next.addAll(mentions.subList(0, KEEP_FIRST));
                next.addAll(mentions.subList(mentions.size() - KEEP_LAST + 1, mentions.size()));
            }
            next.add(m.key());
            mentions = next;
        }
        return new Alert(a.id(), raise ? r.id() : a.ruleId(), raise ? r.version() : a.ruleVersion(),
                raise ? r.severity() : a.severity(), a.storyId(), a.firedAt(),
                raise ? r.reason().render(r.id(), m, story) : a.reason(), mentions, story.figures(), a.status());
    }

    private static String storyIdOf(ScoredMention m) {
        return m.storyId() != null && !m.storyId().isBlank() ? m.storyId() : m.mention().rootKey();
    }

    private Map<String, Group> groupsOf(String ruleId) {
        return byRule.computeIfAbsent(ruleId, x -> new HashMap<>());
    }

    private void clearWait(AlertRule r, String key) {
        if (!r.forDuration().isZero()) {
            Map<String, Pending> waits = pending.get(r.id());
            if (waits != null) waits.remove(key);
        }
    }

    /** An open alert about this story that mutes {@code severity} (at least two levels worse), or null. */
    private Alert inhibitor(String storyId, Severity severity) {
        List<Group> groups = openByStory.get(storyId);
        if (groups == null) {
            return null;
        }
        for (int i = 0; i < groups.size(); i++) {
            Alert a = groups.get(i).alert;
            if (a != null && a.severity().ordinal() + 2 <= severity.ordinal()) {
                return a;
            }
        }
        return null;
    }

    private void opened(Group g) {
        open.put(g.alert.id(), g);
        openByStory.computeIfAbsent(g.alert.storyId(), x -> new ArrayList<>(1)).add(g);
    }

    /**
     * The lifecycle resolved this alert at {@code at}: its group may fire again once the cooldown has passed.
     * False when the engine knows no open alert with that id.
     */
    public synchronized boolean resolve(String alertId, Instant at) {
        Group g = open.remove(alertId);
        if (g == null) {
            return false;
        }
        List<Group> same = openByStory.get(g.alert.storyId());
        if (same != null) {
            same.remove(g);
            if (same.isEmpty()) openByStory.remove(g.alert.storyId());
        }
        g.alert = null;
        g.resolvedAt = at;
        g.decidedFor = null;
        return true;
    }

    /** The open alert with this id as the engine last made it. */
    public synchronized java.util.Optional<Alert> openAlert(String alertId) {
        Group g = open.get(alertId);
        return g == null ? java.util.Optional.empty() : java.util.Optional.of(g.alert);
    }

    public synchronized List<Alert> openAlerts() {
        return open.values().stream().map(g -> g.alert).toList();
    }

    /** Drops waits whose condition has stopped holding by {@code at}. */
    private void sweep(Instant at) {
        for (Iterator<Map.Entry<String, Map<String, Pending>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            AlertRule r = rules.rule(e.getKey()).orElse(null);
            if (r == null) {
                it.remove();
                continue;
            }
            e.getValue().values().removeIf(p -> at.isAfter(p.last.plus(r.forDuration())));
        }
    }

    public synchronized EngineState snapshot() {
        List<EngineState.Group> groups = new ArrayList<>();
        stories.values().forEach(g -> groups.add(state(g)));
        byRule.values().forEach(m -> m.values().forEach(g -> groups.add(state(g))));
        groups.sort(java.util.Comparator.comparing((EngineState.Group g) -> String.valueOf(g.ruleId()))
                .thenComparing(EngineState.Group::key));
        List<EngineState.Pending> waits = new ArrayList<>();
        pending.forEach((rule, m) -> m.forEach((key, p) -> waits.add(new EngineState.Pending(rule, key, p.since, p.last))));
        waits.sort(java.util.Comparator.comparing(EngineState.Pending::ruleId).thenComparing(EngineState.Pending::key));
        return new EngineState(groups, waits);
    }

    private static EngineState.Group state(Group g) {
        return new EngineState.Group(g.ruleId, g.key, g.fires, g.alert, g.lastFiredAt, g.resolvedAt);
    }

    /** Replaces the engine's memory with {@code state} ({@link EngineState#EMPTY}: start afresh). */
    public synchronized void restore(EngineState state) {
        stories.clear();
        byRule.clear();
        pending.clear();
        open.clear();
        openByStory.clear();
        for (EngineState.Group s : state.groups()) {
            Group g = new Group(s.ruleId(), s.key());
            g.fires = s.fires();
            g.alert = s.alert();
            g.lastFiredAt = s.lastFiredAt();
            g.resolvedAt = s.resolvedAt();
            if (s.ruleId() == null) {
                stories.put(s.key(), g);
            } else {
                groupsOf(s.ruleId()).put(s.key(), g);
            }
            if (g.alert != null) opened(g);
        }
        for (EngineState.Pending p : state.pending()) {
            Pending w = new Pending(p.since());
            w.last = p.last();
            pending.computeIfAbsent(p.ruleId(), x -> new HashMap<>()).put(p.key(), w);
        }
    }
}
