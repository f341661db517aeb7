package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import java.util.ArrayList;
import java.util.List;

/** Web-API items (a note card from the feed endpoint, a comment from comment/page) as Mentions. */
final class WebItems {
    private WebItems() { }

    /** A {@code note_card} of {@code /api/sns/web/v1/feed}. */
    static Mention note(JsonNode card, String xsecToken) throws BadItemException {
        String id = XhsFields.text(card, "note_id");
        String text = XhsFields.noteText(XhsFields.optionalText(card, "title"), XhsFields.optionalText(card, "desc"));
        return new Mention(Platform.XIAOHONGSHU, id, Kind.NOTE, text, XhsFields.millis(card, "time"),
                author(card.path("user"), "user"), null, null, XhsFields.noteUrl(id, xsecToken),
                noteMetrics(card.path("interact_info")));
    }

    /**
     * Counters of a note: the feed endpoint says {@code share_count}, search results {@code shared_count}.
     */
    static Metrics noteMetrics(JsonNode interact) {
        JsonNode shares = interact.has("share_count") ? interact.get("share_count") : interact.get("shared_count");
        return new Metrics(0, XhsCount.of(interact.get("comment_count")), XhsCount.of(interact.get("liked_count")),
                XhsCount.of(shares), XhsCount.of(interact.get("collected_count")));
    }

    /**
     * A top-level comment and the sub-comments shipped inline with it (the first few replies). A reply's
     * parent is the comment it answers ({@code target_comment.id}), else its top-level comment.
     */
    static List<Mention> commentWithReplies(JsonNode c, String noteId, String noteUrl) throws BadItemException {
        List<Mention> out = new ArrayList<>();
        Mention top = comment(c, noteId, noteId, noteUrl);
        out.add(top);
        for (JsonNode sub : c.path("sub_comments")) {
            out.add(reply(sub, top.id(), noteId, noteUrl));
        }
        return out;
    }

    /**
     * A reply (inline, or from {@code /comment/sub/page}): it answers the comment it targets
     * ({@code target_comment.id}), else its top-level comment; its root is the note, so its story is the note's.
     */
    static Mention reply(JsonNode sub, String topCommentId, String noteId, String noteUrl) throws BadItemException {
        String target = XhsFields.optionalText(sub.path("target_comment"), "id");
        return comment(sub, target.isBlank() ? topCommentId : target, noteId, noteUrl);
    }

    private static Mention comment(JsonNode c, String parentId, String noteId, String noteUrl) throws BadItemException {
        String id = XhsFields.text(c, "id");
        try {
            Metrics m = new Metrics(0, XhsCount.of(c.get("sub_comment_count")), XhsCount.of(c.get("like_count")), 0, 0);
            return new Mention(Platform.XIAOHONGSHU, id, Kind.COMMENT, XhsFields.optionalText(c, "content"),
                    XhsFields.millis(c, "create_time"), author(c.path("user_info"), "user_info"), parentId, noteId,
                    noteUrl, m);
        } catch (BadItemException e) {
            throw new BadItemException("comment " + id + ": " + e.getMessage());
        }
    }

    private static Author author(JsonNode user, String field) throws BadItemException {
        if (!user.isObject()) {
            throw new BadItemException("missing field \"" + field + "\"");
        }
        return new Author(XhsFields.text(user, "user_id"), XhsFields.optionalText(user, "nickname"), 0, false);
    }
}
