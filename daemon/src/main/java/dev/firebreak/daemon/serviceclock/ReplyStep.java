package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.alerting.AlertRecorder;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.rules.lifecycle.AlertLifecycle;
import dev.firebreak.store.Lifecycles;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A person's "replied" step ({@code POST /api/alerts/{id}/replied {"by","link"}}): stored in the alert's
 * lifecycle with its audit entry (one atomic step, retried when another step got there first), then the
 * first-reply clock is met at that time. The state and the feed status do not change, so nothing is
 * published again (as with a snooze).
 */
public final class ReplyStep {
    private static final int ATTEMPTS = 3;
    private final Lifecycles store;
    private final ServiceClocks clocks;
    private final AlertRecorder out;

    public ReplyStep(Lifecycles store, ServiceClocks clocks, AlertRecorder out) {
        this.store = store;
        this.clocks = clocks;
        this.out = out;
    }

    /** Why {@code link} is not the address of a public reply, or null when it is one (http or https with a host). */
    public static String linkProblem(String link) {
        if (link == null || link.isBlank()) return "link: say where the reply is (an http or https address)";
        try {
            URI u = new URI(link.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return null;
        } catch (java.net.URISyntaxException e) {
            // falls through to the same answer
        }
        return "link: expected an http or https address of the reply, got \"" + link + "\"";
    }

    public AlertLifecycle reply(String alertId, String by, String link, Instant now) throws Exception {
        String problem = linkProblem(link);
        if (problem != null) throw new IllegalArgumentException(problem);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lifecycles.Versioned stored = Await.result(store.lifecycle(alertId))
                    .orElseThrow(() -> new NoSuchElementException("no alert \"" + alertId + "\""));
            AlertLifecycle.Transition t = AlertLifecycle.fromJson(stored.json()).replied(link.strip(), by, now);
            boolean open = t.lifecycle().state() != AlertLifecycle.State.RESOLVED;
            if (!Await.result(store.transition(alertId, stored.version(), t.lifecycle().toJson(), t.audit().toJson(), open))) {
                continue;
            }
            clocks.replied(alertId, by, link.strip(), now, out);
            return t.lifecycle();
        }
        throw new IllegalStateException("alert \"" + alertId + "\" is changing too fast; try again");
    }
}
