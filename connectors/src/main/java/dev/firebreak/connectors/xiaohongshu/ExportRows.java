package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.Author;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;

/**
 * Rows of a MediaCrawler-shaped Xiaohongshu export ({@code xhs_note} and {@code xhs_note_comment}
 * stores written as JSON lines) as Mentions. Counts are display strings ("1.2万"), times epoch ms.
 */
final class ExportRows {
    /** Which store a file holds; {@code AUTO} tells each row by its fields ({@code comment_id}: a comment). */
    enum RowKind { NOTES, COMMENTS, AUTO }

    private ExportRows() { }

    static Mention mention(String line, RowKind kind) throws BadItemException {
        JsonNode row = parse(line);
        boolean comment = kind == RowKind.COMMENTS || (kind == RowKind.AUTO && row.has("comment_id"));
        return comment ? comment(row) : note(row);
    }

    static Mention note(JsonNode row) throws BadItemException {
        String id = XhsFields.text(row, "note_id");
        String url = XhsFields.optionalText(row, "note_url");
        Metrics m = new Metrics(0, XhsCount.of(row.get("comment_count")), XhsCount.of(row.get("liked_count")),
                XhsCount.of(row.get("share_count")), XhsCount.of(row.get("collected_count")));
        return new Mention(Platform.XIAOHONGSHU, id, Kind.NOTE,
                XhsFields.noteText(XhsFields.optionalText(row, "title"), XhsFields.optionalText(row, "desc")),
                XhsFields.millis(row, "time"), author(row), null, null,
                url.isBlank() ? XhsFields.noteUrl(id, XhsFields.optionalText(row, "xsec_token")) : url, m);
    }

    /** A comment; {@code parent_comment_id} 0 or empty means it answers the note itself. */
    static Mention comment(JsonNode row) throws BadItemException {
        String id = XhsFields.text(row, "comment_id");
        String noteId = XhsFields.text(row, "note_id");
        String parent = XhsFields.optionalText(row, "parent_comment_id");
        Metrics m = new Metrics(0, XhsCount.of(row.get("sub_comment_count")), XhsCount.of(row.get("like_count")), 0, 0);
        return new Mention(Platform.XIAOHONGSHU, id, Kind.COMMENT, XhsFields.optionalText(row, "content"),
                XhsFields.millis(row, "create_time"), author(row),
                parent.isBlank() || parent.equals("0") ? noteId : parent, noteId, XhsFields.noteUrl(noteId, null), m);
    }

    private static Author author(JsonNode row) throws BadItemException {
        return new Author(XhsFields.text(row, "user_id"), XhsFields.optionalText(row, "nickname"), 0, false);
    }

    private static JsonNode parse(String line) throws BadItemException {
        try {
            JsonNode row = FirebreakJson.mapper().readTree(line);
            if (row == null || !row.isObject()) {
                throw new BadItemException("expected a JSON object");
            }
            return row;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new BadItemException("not valid JSON" + (loc == null ? "" : " at column " + loc.getColumnNr())
                    + ": " + e.getOriginalMessage());
        }
    }
}
