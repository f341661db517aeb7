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
 *     share <em>one</em> group per story: a story (incident) has at most one open story alert, and that
 *     alert carries every rule that matched it ({@link Alert#rules()}).</li>
 * <li><b>Update, not repeat.</b> If the group has an open alert and the rule is already one of its rules,
 *     the decision is UPDATE: same id, the story's latest figures, the mention added (the first 10 and the
 *     latest 40 mentions are kept), every rule's reason rendered again from those figures. Its own later
 *     mentions update the alert whatever the silences, inhibitions, cooldowns and hours.</li>
 * <li><b>Join.</b> If the group has an open alert and the rule is not yet one of its rules, the rule joins
 *     it (UPDATE, {@link Decision#joined()}: its channels hear of the alert; {@link Decision#raised()} when
 *     it is more severe than the alert was) unless a silence covers it for this mention (SILENCED), its
 *     {@code for} has not held yet (PENDING) or the mention is outside its hours (OUTSIDE_HOURS). Cooldown
 *     and inhibition do not hold back a join: they are about new alerts.</li>
 * <li>Otherwise it would FIRE, unless, in this order: a silence in force covers the rule and mention
 *     (SILENCED); an open alert about the same story is at least two severities worse — a P<i>k</i> alert
 *     mutes P<i>k+2</i> and below, so P1 mutes P3 and P4, P2 mutes P4 (INHIBITED; open alerts are never
 *     closed by this, and an alert opened later does not reach back); the group fired or was resolved
 *     less than {@code cooldown} ago (COOLDOWN); the condition has not held for {@code for} yet (PENDING);
 *     the mention's time is outside the rule's active hours in its time zone (OUTSIDE_HOURS).</li>
 * </ol>
 * A mention of a story with an open alert that no rule of the alert matched still moves its figures:
 * {@link #storyGrew} makes that update.
 *
 * <h2>Alert ids</h2>
 * A story alert's id depends on its group alone, not on which rule fired it:
 * {@code RuleVersion.alertId("story", groupKey)}; an author or rule group's is
 * {@code RuleVersion.alertId(ruleId, groupKey)}. If the group fires again after its alert was resolved
 * (and the cooldown passed), the <i>n</i>-th alert of the group is that id followed by {@code -n}
 * ({@code …-2}, {@code …-3}). The count is part of the state, so ids are never reused.
 * A story group keeps its key when the incident's membership moves: a repost seen before its original
 * has no story yet and fires under its root's key; when the original later joins a story, that story id
 * becomes an alias of the group, and the alert (same id) says the new story id.
 *
 * <h2>{@code for}</h2>
 * The first matching mention of a rule on a group starts the wait; the rule fires on the first matching
 * mention at least {@code for} later. If no matching mention comes for longer than {@code for}, the
 * condition is taken to have stopped holding and the wait starts again at the next one.
 *
 * <h2>Resolving</h2>
 * Alerts close only when the lifecycle says so: call {@link #resolve}. The alert's status is the
 * lifecycle's: {@link #setStatus} keeps the engine's copy in step. Not thread-safe on its own; every
 * method is synchronized.
 */
public final class AlertEngine {
    /** The group name story alert ids are made from: the same whichever rule fired first. */
    static final String STORY = "story";
    private static final int SWEEP_EVERY = 8192;

    private RuleSet rules;
    private final StoryGroups stories = new StoryGroups();
    /** Author and rule groups, by rule id then group key. */
    private final Map<String, Map<String, Group>> byRule = new HashMap<>();
    /** Waits for {@code for}, by rule id then group key. */
    private final Map<String, Map<String, Pending>> pending = new HashMap<>();
    private final OpenAlerts open = new OpenAlerts();
    private long evaluations;

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
        open.groups().forEach(g -> g.members.forEach(m -> m.rule = next.rule(m.ruleId).orElse(null)));
    }

    public synchronized RuleSet rules() {
        return rules;
    }

    /**
     * Every decision the rules make about one mention at event time {@code at} (normally its
     * {@code createdAt}); empty when no rule matches. Allocates nothing for rules that do not match.
     * The decisions about one alert all carry it as it stands after the mention.
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
            if (input == null) input = MatchInput.of(m.mention());
            if (r.compiledMatch() != null && !r.compiledMatch().matches(input)) continue;
            Decision d = decide(r, m, story, at, input);
            if (d != null) {
                if (out == null) out = new ArrayList<>(2);
                out.add(d);
            }
        }
        if (out == null) return List.of();
        for (int i = 0; i < out.size(); i++) {
            Decision d = out.get(i);
            if (d.alert() == null) continue;
            Group g = open.get(d.alert().id());
            if (g != null && g.alert != d.alert()) out.set(i, d.withAlert(g.alert));
        }
        return out;
    }

    /**
     * The story alert of {@code m}'s story with the story's new figures, when it has an open one and
     * nothing the rules decided about {@code m} changed it already (a mention no rule of it matched);
     * an UPDATE in the name of the alert's first rule. Empty otherwise.
     */
    public synchronized java.util.Optional<Decision> storyGrew(ScoredMention m, StoryFacts story) {
        Group g = stories.find(m, false, open);
        if (g == null || g.alert == null || m.key().equals(g.decidedFor) || g.members.isEmpty()) {
            return java.util.Optional.empty();
        }
        AlertRule owner = rules.rule(g.alert.ruleId()).orElse(null);
        if (owner == null) return java.util.Optional.empty();
        g.decidedFor = m.key();
        g.alert = AlertComposer.compose(g, g.alert.id(), g.alert.storyId(), g.alert.firedAt(), g.alert.mentions(),
                story, g.alert);
        return java.util.Optional.of(Decision.update(owner, g.key, g.alert, false, false));
    }

    private Decision decide(AlertRule r, ScoredMention m, StoryFacts story, Instant at, MatchInput input) {
        String storyId = StoryGroups.storyIdOf(m);
        Group g;
        String key;
        if (r.group() == Grouping.STORY) {
            g = stories.find(m, true, open);
            key = g != null ? g.key : storyId;
        } else {
            key = r.group() == Grouping.AUTHOR
                    ? m.mention().platform().wireName() + ":" + (m.mention().author() == null ? "?" : m.mention().author().id())
                    : r.id();
            g = groupsOf(r.id()).get(key);
        }
        Pending wait = waitFor(r, key, at);

        if (g != null && g.alert != null) {
            Group.Member member = g.member(r.id());
            if (member != null) {
                clearWait(r, key);
                if (m.key().equals(member.decidedFor)) return null;   // the same mention again (a batch processed again)
                member.decidedFor = m.key();
                changed(g, m, story);
                return Decision.update(r, key, g.alert, false, false);
            }
            Decision held = heldBack(r, input, at, wait, key);
            if (held != null) return held;
            clearWait(r, key);
            boolean raised = r.severity().compareTo(g.alert.severity()) < 0;
            Group.Member joined = member(r, m, at, story);
            joined.decidedFor = m.key();
            g.members.add(joined);
            changed(g, m, story);
            return Decision.update(r, key, g.alert, raised, true);
        }

        Silence silence = rules.silences().silencing(r.id(), input, at);
        if (silence != null) {
            return Decision.suppressed(r, key, Decision.Suppression.SILENCED, silence.id(), silence.reason(), null);
        }
        Alert inhibitor = open.inhibitor(storyId, r.severity());
        if (inhibitor != null) {
            return Decision.suppressed(r, key, Decision.Suppression.INHIBITED, inhibitor.id(), null, null);
        }
        if (g != null) {
            Instant last = g.resolvedAt != null && (g.lastFiredAt == null || g.resolvedAt.isAfter(g.lastFiredAt))
                    ? g.resolvedAt : g.lastFiredAt;
            if (last != null && at.isBefore(last.plus(r.cooldown()))) {
                return Decision.suppressed(r, key, Decision.Suppression.COOLDOWN, null, null, last.plus(r.cooldown()));
            }
        }
        Decision held = heldBack(r, null, at, wait, key);
        if (held != null) return held;

        if (g == null) {
            g = new Group(r.group() == Grouping.STORY ? null : r.id(), key);
            if (r.group() == Grouping.STORY) {
                stories.put(g);
            } else {
                groupsOf(r.id()).put(key, g);
            }
        }
        clearWait(r, key);
        g.fires++;
        String id = RuleVersion.alertId(r.group() == Grouping.STORY ? STORY : r.id(), key)
                + (g.fires == 1 ? "" : "-" + g.fires);
        OffsetDateTime firedAt = at.atOffset(m.mention().createdAt() == null ? ChinaTime.OFFSET
                : m.mention().createdAt().getOffset());
        g.members.clear();
        Group.Member first = member(r, m, at, story);
        first.decidedFor = m.key();
        g.members.add(first);
        g.alert = AlertComposer.compose(g, id, storyId, firedAt, List.of(m.key()), story, null);
        g.lastFiredAt = at;
        g.decidedFor = m.key();
        open.add(g);
        return Decision.fire(r, key, g.alert);
    }

    /** A join or a fire held back by a silence ({@code input} given: joins only), the {@code for} wait or the hours. */
    private Decision heldBack(AlertRule r, MatchInput input, Instant at, Pending wait, String key) {
        if (input != null) {
            Silence silence = rules.silences().silencing(r.id(), input, at);
            if (silence != null) {
                return Decision.suppressed(r, key, Decision.Suppression.SILENCED, silence.id(), silence.reason(), null);
            }
        }
        if (wait != null && at.isBefore(wait.since.plus(r.forDuration()))) {
            return Decision.suppressed(r, key, Decision.Suppression.PENDING, null, null, wait.since.plus(r.forDuration()));
        }
        if (r.hours() != null && !r.hours().allows(at)) {
            return Decision.suppressed(r, key, Decision.Suppression.OUTSIDE_HOURS, null, null, null);
        }
        return null;
    }

    private static Group.Member member(AlertRule r, ScoredMention m, Instant at, StoryFacts story) {
        OffsetDateTime when = at.atOffset(m.mention().createdAt() == null ? ChinaTime.OFFSET
                : m.mention().createdAt().getOffset());
        return new Group.Member(r.id(), r.version(), r.severity(), when, m, r, r.reason().render(r.id(), m, story));
    }

    /** The group's open alert again, with the mention and the story's current figures. */
    private void changed(Group g, ScoredMention m, StoryFacts story) {
        Alert a = g.alert;
        g.decidedFor = m.key();
        // inhibition reads the severity through the group, so a raise needs nothing else moved
        g.alert = AlertComposer.compose(g, a.id(), a.storyId(), a.firedAt(), AlertComposer.withMention(a.mentions(), m),
                story, a);
    }

    private Pending waitFor(AlertRule r, String key, Instant at) {
        if (r.forDuration().isZero()) return null;
        Map<String, Pending> waits = pending.computeIfAbsent(r.id(), x -> new HashMap<>());
        Pending wait = waits.get(key);
        if (wait == null || at.isAfter(wait.last.plus(r.forDuration()))) {
            wait = new Pending(at);
            waits.put(key, wait);
        } else if (at.isAfter(wait.last)) {
            wait.last = at;
        }
        return wait;
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

    /**
     * The lifecycle resolved this alert at {@code at}: its group may fire again once the cooldown has passed.
     * False when the engine knows no open alert with that id.
     */
    public synchronized boolean resolve(String alertId, Instant at) {
        Group g = open.remove(alertId);
        if (g == null) {
            return false;
        }
        g.alert = null;
        g.members.clear();
        g.resolvedAt = at;
        g.decidedFor = null;
        return true;
    }

    /**
     * A person's step changed the alert's status and handling (the lifecycle's): every later version keeps
     * them. False when the engine knows no open alert with that id.
     */
    public synchronized boolean setStatus(String alertId, AlertStatus status, Alert.Handling handling) {
        Group g = open.get(alertId);
        if (g == null) return false;
        g.alert = g.alert.withStatus(status, handling);
        return true;
    }

    /** The open alert with this id as the engine last made it. */
    public synchronized java.util.Optional<Alert> openAlert(String alertId) {
        Group g = open.get(alertId);
        return g == null ? java.util.Optional.empty() : java.util.Optional.of(g.alert);
    }

    public synchronized List<Alert> openAlerts() {
        return open.groups().stream().map(g -> g.alert).toList();
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
        return EngineSnapshots.snapshot(stories.groups(), byRule, stories.aliases(), pendingState());
    }

    private List<EngineState.Pending> pendingState() {
        List<EngineState.Pending> waits = new ArrayList<>();
        pending.forEach((rule, m) -> m.forEach((key, p) -> waits.add(new EngineState.Pending(rule, key, p.since, p.last))));
        waits.sort(java.util.Comparator.comparing(EngineState.Pending::ruleId).thenComparing(EngineState.Pending::key));
        return waits;
    }

    /** Replaces the engine's memory with {@code state} ({@link EngineState#EMPTY}: start afresh). */
    public synchronized void restore(EngineState state) {
        stories.clear();
        byRule.clear();
        pending.clear();
        open.clear();
        for (EngineState.Group s : state.groups()) {
            Group g = EngineSnapshots.group(s, rules);
            if (s.ruleId() == null) {
                stories.put(g);
            } else {
                groupsOf(s.ruleId()).put(s.key(), g);
            }
            if (g.alert != null) open.add(g);
        }
        stories.aliases().putAll(state.aliases());
        for (EngineState.Pending p : state.pending()) {
            Pending w = new Pending(p.since());
            w.last = p.last();
            pending.computeIfAbsent(p.ruleId(), x -> new HashMap<>()).put(p.key(), w);
        }
    }
}
