package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings;
import dev.firebreak.core.Alert;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.alerting.AlertRecorder;
import dev.firebreak.rules.lifecycle.AuditEntry;
import dev.firebreak.store.Lifecycles;
import dev.firebreak.store.ServiceClockRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service clocks of every story alert: started when it fires (from the targets for its severity and
 * platform), met by the brand's first public post in its incident (story) after the firing or a person's
 * replied step, by its acknowledgement, by its supervisor reached; a reminder before each deadline and
 * a breach at it. Times are the caller's: event time from the pipeline, the daemon's {@link dev.firebreak.core.EventClock} from the timer.
 * Blocking (the store): call on the pipeline's worker.
 */
public final class ServiceClocks {
    private static final Set<String> OPERATOR_RULES = Set.of(ClockNotices.BREACH_RULE, ClockNotices.REMINDER_RULE,
            "silence-expiring", "connector-health");

    private final ServiceClockSettings settings;
    private final BrandAccounts brand;
    private final ServiceClockRecords store;
    private final LifecycleProgress progress;
    private final ClockChanges changes;
    /** No reminder or breach is due before this (the pipeline's worker alone reads and writes it). */
    private Instant earliestDue = Instant.MIN;

    public ServiceClocks(ServiceClockSettings settings, BrandAccounts brand, ServiceClockRecords store, Lifecycles lifecycles) {
        this.settings = settings;
        this.brand = brand;
        this.store = store;
        this.progress = new LifecycleProgress(lifecycles, settings.supervisorLevel(), settings.supervisors());
        this.changes = new ClockChanges(lifecycles);
    }

    /** Starts the clocks of a newly fired alert on a story at its firing (event time); once per alert. */
    public Optional<AlertClocks> open(Alert a) {
        return open(a, a.firedAt().toInstant());
    }

    /**
     * Starts the clocks of a newly fired alert on a story at {@code start} (the daemon's clock's start for
     * it: the firing in a replay, the recording live); once per alert (a batch processed again changes nothing).
     */
    public Optional<AlertClocks> open(Alert a, Instant start) {
        if (a.storyId() == null || a.storyId().startsWith("connector:") || OPERATOR_RULES.contains(a.ruleId())) {
            return Optional.empty();
        }
        Optional<AlertClocks> stored = clocks(a.id());
        if (stored.isPresent()) return stored;
        Platform platform = platformOf(a);
        ServiceClockSettings.Targets targets = settings.targets(a.severity(), platform);
        List<ServiceClock> clocks = new ArrayList<>();
        for (ClockKind kind : ClockKind.values()) {
            Duration target = targets.of(kind);
            if (target != null) clocks.add(ServiceClock.start(kind, start, target));
        }
        AlertClocks opened = new AlertClocks(a.id(), a.storyId(), a.severity().name(),
                platform == null ? null : platform.wireName(), clocks);
        save(opened);
        return Optional.of(opened);
    }

    /**
     * The brand's posts among these scored mentions meet the first-reply clock of their story's alerts
     * fired before them (a late one breaches it, keeping the reply's time). Returns the clocks met.
     */
    public int brandReplies(List<ScoredMention> mentions, AlertRecorder out) throws Exception {
        int met = 0;
        for (ScoredMention m : mentions) {
            if (m.storyId() == null || !brand.wrote(m.mention())) continue;
            Instant at = m.mention().createdAt().toInstant();
            for (String alertId : store.ofStory(m.storyId())) {
                Optional<AlertClocks> c = clocks(alertId);
                Optional<ServiceClock> reply = c.flatMap(x -> x.clock(ClockKind.FIRST_REPLY));
                if (reply.isEmpty() || reply.get().metAt() != null || at.isBefore(reply.get().startedAt())) continue;
                if (reach(c.get(), ClockKind.FIRST_REPLY, at, "brand reply " + m.key(), out)) met++;
            }
        }
        return met;
    }

    /** A person's replied step (the link to the reply) meets the first-reply clock at {@code at}. */
    public Optional<AlertClocks> replied(String alertId, String by, String link, Instant at, AlertRecorder out)
            throws Exception {
        Optional<AlertClocks> c = clocks(alertId);
        if (c.isPresent()) reach(c.get(), ClockKind.FIRST_REPLY, at, "replied by " + by + ": " + link, out);
        return clocks(alertId);
    }

    /**
     * The pipeline's sweep at {@code now} (a batch's event time): for each running alert with a reminder
     * or deadline due, reads its lifecycle (acknowledged, supervisor reached), then puts the reminders on
     * the feed and breaches what passed its deadline. Reads nothing while nothing is due. Returns the
     * notices recorded.
     */
    public int sweep(Instant now, AlertRecorder out) throws Exception {
        return now.isBefore(earliestDue) ? 0 : sweep(now, out, false);
    }

    /** The timer's sweep: as {@link #sweep} but reading every running alert's lifecycle, so a met clock shows soon. */
    public int sweepAll(Instant now, AlertRecorder out) throws Exception {
        return sweep(now, out, true);
    }

    private int sweep(Instant now, AlertRecorder out, boolean readAll) throws Exception {
        int notices = 0;
        Instant next = Instant.MAX;
        for (String json : store.pending()) {
            AlertClocks a = AlertClocks.fromJson(json);
            AlertClocks before = a;
            if (readAll || !now.isBefore(nextDue(a))) a = followLifecycle(a);
            for (ServiceClock c : a.clocks()) {
                if (!c.pending()) continue;
                // Every clock still running at its reminder time is reminded, before its breach if both are
                // due in one sweep: what goes on the feed does not depend on where the batches fall.
                Instant remindAt = c.deadline().minus(settings.remindBefore());
                if (!c.reminded() && !now.isBefore(remindAt)) {
                    a = a.with(c.kind(), ServiceClock::remindedNow);
                    if (changes.notice(ClockNotices.reminder(a, c, remindAt), out)) notices++;
                }
                if (!now.isBefore(c.deadline())) a = a.with(c.kind(), ServiceClock::breached);
            }
            if (!a.equals(before)) {
                save(a);
                notices += changes.record(before, a, out);
            }
            Instant due = nextDue(a);
            if (due.isBefore(next)) next = due;
        }
        earliestDue = next;
        return notices;
    }

    /** The clocks with what the lifecycle's audit trail says was reached (acknowledged, supervisor). */
    private AlertClocks followLifecycle(AlertClocks a) throws Exception {
        List<AuditEntry> trail = progress.trail(a.alertId());
        Optional<LifecycleProgress.Reached> ack = LifecycleProgress.acknowledged(trail);
        Optional<LifecycleProgress.Reached> sup = progress.supervisorReached(trail);
        if (ack.isPresent()) a = reached(a, ClockKind.ACKNOWLEDGE, ack.get().at(), ack.get().by());
        if (sup.isPresent()) a = reached(a, ClockKind.SUPERVISOR, sup.get().at(), sup.get().by());
        return a;
    }

    /** When this alert next needs the sweep: its earliest reminder not yet sent, or deadline (MAX: never). */
    private Instant nextDue(AlertClocks a) {
        Instant next = Instant.MAX;
        for (ServiceClock c : a.clocks()) {
            if (!c.pending()) continue;
            Instant due = c.reminded() ? c.deadline() : c.deadline().minus(settings.remindBefore());
            if (due.isBefore(next)) next = due;
        }
        return next;
    }

    public Optional<AlertClocks> clocks(String alertId) {
        return store.get(alertId).map(AlertClocks::fromJson);
    }

    /** The clocks of each of these alerts that keeps any, by alert id. */
    public Map<String, AlertClocks> clocks(List<String> alertIds) {
        Map<String, AlertClocks> out = new LinkedHashMap<>();
        alertIds.forEach(id -> clocks(id).ifPresent(c -> out.put(id, c)));
        return out;
    }

    /** The alerts raised on this story (incident) whose clocks were started. */
    public List<String> alertsOfStory(String storyId) {
        return store.ofStory(storyId);
    }

    private boolean reach(AlertClocks a, ClockKind kind, Instant at, String by, AlertRecorder out) throws Exception {
        ServiceClock was = a.clock(kind).orElse(null);
        if (was == null || was.metAt() != null) return false;
        AlertClocks next = reached(a, kind, at, by);
        save(next);
        changes.record(a, next, out);
        return next.clock(kind).orElseThrow().status() == ServiceClock.Status.MET;
    }

    private static AlertClocks reached(AlertClocks a, ClockKind kind, Instant at, String by) {
        return a.with(kind, c -> c.reached(at, by));
    }

    private void save(AlertClocks a) {
        store.save(a.alertId(), a.storyId(), a.toJson(), a.pending());
        Instant due = nextDue(a);
        if (due.isBefore(earliestDue)) earliestDue = due;
    }

    /** The platform of the mention that made the alert fire ({@code weibo:123...}), if it is known. */
    static Platform platformOf(Alert a) {
        if (a.mentions().isEmpty()) return null;
        String key = a.mentions().get(0);
        int colon = key.indexOf(':');
        if (colon < 0) return null;
        for (Platform p : Platform.values()) {
            if (p.wireName().equals(key.substring(0, colon))) return p;
        }
        return null;
    }
}
