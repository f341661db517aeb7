package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.pacing.RateBudget;
import dev.firebreak.connect.api.PlatformException;
import dev.firebreak.connect.api.PollResult;
import dev.firebreak.connectors.xiaohongshu.KeywordCursor.PendingNote;
import dev.firebreak.core.CounterObservation;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Platform;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One poll of a keyword feed, in three steps: search pages for notes not taken yet (a scan walks until
 * it reaches notes taken before it, or {@code scanPages} pages; {@code maxPages} a poll, resumed next
 * poll), fetch the detail of each found note (emitting it), then walk the comment pages of followed
 * notes and the reply pages of their comments. Each step changes
 * the working cursor only after its answer is in ({@link CommentWalk} does the third), so when the call budget runs out part-way the
 * poll returns what it has with a cursor that claims exactly that. Any other error fails the whole
 * poll (the saved cursor stays); only a note that is gone is skipped, with a problem.
 */
final class KeywordPoll {
    private static final Future<Void> DONE = Future.succeededFuture();

    private final String keyword;
    private final XhsClient client;
    private final RateBudget budget;
    private final int maxPages;
    private final int scanPages;
    private final BooleanSupplier stopped;
    private final KeywordCursor.State state;
    private final Set<String> watched;
    final List<Mention> mentions = new ArrayList<>();
    final List<PollResult.Problem> problems = new ArrayList<>();
    private final Map<String, CounterObservation> observations = new LinkedHashMap<>();
    boolean outOfBudget;

    KeywordPoll(String keyword, XhsClient client, RateBudget budget, XhsSettings settings, BooleanSupplier stopped,
                KeywordCursor from, Set<String> watched) {
        this.keyword = keyword;
        this.client = client;
        this.budget = budget;
        this.maxPages = settings.maxPages();
        this.scanPages = settings.scanPages();
        this.stopped = stopped;
        this.state = from.edit();
        this.watched = watched;
    }

    Future<Void> run() {
        CommentWalk walk = new CommentWalk(this, client, state, maxPages);
        return search(0).compose(v -> details()).compose(v -> walk.all());
    }

    KeywordCursor cursor() {
        return state.cursor();
    }

    List<CounterObservation> observations() {
        return List.copyOf(observations.values());
    }

    /** Whether work is left that the next poll should pick up soon. */
    boolean backlog() {
        return state.scanPage > 0 || !state.pending.isEmpty()
                || state.follow.stream().anyMatch(f -> f.next() != null || !f.replies().isEmpty());
    }

    private Future<Void> search(int pagesDone) {
        if (pagesDone >= maxPages) {
            return DONE; // scanPage stays: the scan goes on next poll
        }
        if (state.scanPage == 0) {
            state.scanPage = 1;
            state.scanBase = state.seen.size();
        }
        int page = state.scanPage;
        Future<Void> gate = gate();
        if (gate != null) {
            return gate;
        }
        return client.search(keyword, page).compose(data -> {
            boolean reachedTaken = takeSearchPage(data);
            if (!data.path("has_more").asBoolean(false) || reachedTaken || page >= scanPages) {
                state.scanPage = 0;
                return DONE;
            }
            state.scanPage = page + 1;
            return search(pagesDone + 1);
        });
    }

    /** Takes the new notes of a search page; true when it reached notes taken before this scan. */
    private boolean takeSearchPage(JsonNode data) {
        boolean reached = false;
        OffsetDateTime now = OffsetDateTime.now(XhsFields.CHINA);
        for (JsonNode item : data.path("items")) {
            String id = XhsFields.optionalText(item, "id");
            if (id.isBlank() || !"note".equals(item.path("model_type").asText("note"))) {
                continue; // hot-query suggestions and the like
            }
            if (state.takenBefore(id)) {
                reached = true;
                if (watched.contains(id)) {
                    String key = Mention.key(Platform.XIAOHONGSHU, id);
                    observations.put(key, new CounterObservation(key, now,
                            WebItems.noteMetrics(item.path("note_card").path("interact_info"))));
                }
            } else if (!state.seen.contains(id)) {
                state.found(id, XhsFields.optionalText(item, "xsec_token"));
            }
        }
        return reached;
    }

    private Future<Void> details() {
        if (state.pending.isEmpty()) {
            return DONE;
        }
        PendingNote p = state.pending.get(0);
        Future<Void> gate = gate();
        if (gate != null) {
            return gate;
        }
        return client.note(p.id(), p.xsec()).transform(ar -> {
            Future<Void> failed = skipIfGone(ar, p.id());
            if (failed != null) {
                return failed;
            }
            if (ar.succeeded()) {
                takeNote(p, ar.result());
            }
            state.pending.remove(0);
            return details();
        });
    }

    private void takeNote(PendingNote p, JsonNode data) {
        JsonNode card = data.path("items").path(0).path("note_card");
        if (!card.isObject()) {
            problems.add(problem(p.id(), "the source returned no note detail; skipped"));
            return;
        }
        String xsec = p.xsec().isBlank() ? XhsFields.optionalText(card, "xsec_token") : p.xsec();
        try {
            mentions.add(WebItems.note(card, xsec));
            state.followComments(p.id(), xsec);
        } catch (BadItemException e) {
            problems.add(problem(p.id(), e.getMessage() + "; skipped"));
        }
    }

    /** A failed call: null when it succeeded or the note is gone (recorded), else the failure to pass on. */
    Future<Void> skipIfGone(AsyncResult<JsonNode> ar, String noteId) {
        if (ar.succeeded()) {
            return null;
        }
        if (ar.cause() instanceof PlatformException e && XhsErrors.noteGone(e)) {
            problems.add(problem(noteId, "the note is deleted or hidden (code " + e.code() + "); skipped"));
            return null;
        }
        return Future.failedFuture(ar.cause());
    }

    /** Null when a call may be made (and takes it from the budget); else how the poll ends here. */
    Future<Void> gate() {
        if (stopped.getAsBoolean()) {
            return Future.failedFuture(PlatformException.retry("xiaohongshu: the feed was stopped"));
        }
        if (!budget.tryTake()) {
            outOfBudget = true;
            return DONE;
        }
        return null;
    }

    static PollResult.Problem problem(String noteId, String message) {
        return new PollResult.Problem("xiaohongshu note " + noteId, message);
    }
}
