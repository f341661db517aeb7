package dev.firebreak.connectors.xiaohongshu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.connectors.http.PlatformHttp;
import dev.firebreak.connectors.http.PlatformReply;
import dev.firebreak.connect.api.PlatformException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four calls a keyword feed makes to the configured source, which serves Xiaohongshu's web-API
 * shapes. The token goes in the {@code Authorization} header only, never in a URL or a body.
 */
final class XhsClient {
    static final String SEARCH = "/api/sns/web/v1/search/notes";
    static final String FEED = "/api/sns/web/v1/feed";
    static final String COMMENTS = "/api/sns/web/v2/comment/page";
    static final String REPLIES = "/api/sns/web/v2/comment/sub/page";
    static final int REPLY_PAGE_SIZE = 10;
    static final int PAGE_SIZE = 20;

    private final PlatformHttp http;
    private final Map<String, String> headers;

    XhsClient(Vertx vertx, XhsSettings settings) {
        this.http = new PlatformHttp(vertx, "xiaohongshu", settings.baseUrl(), settings.timeout());
        this.headers = Map.of("Authorization", "Bearer " + settings.accessToken(), "Accept", "application/json");
    }

    /** One page (1-based) of notes matching the keyword, newest first: {@code data.items}, {@code data.has_more}. */
    Future<JsonNode> search(String keyword, int page) {
        JsonObject body = new JsonObject().put("keyword", keyword).put("page", page).put("page_size", PAGE_SIZE)
                .put("sort", "time_descending");
        return data(http.postJson(SEARCH, Map.of(), headers, body));
    }

    /** A note's detail (time, title, desc, counters): {@code data.items[0].note_card}. */
    Future<JsonNode> note(String noteId, String xsecToken) {
        JsonObject body = new JsonObject().put("source_note_id", noteId).put("xsec_token", xsecToken);
        return data(http.postJson(FEED, Map.of(), headers, body));
    }

    /** A page of a note's comments from {@code cursor} ("" for the first): comments, cursor, has_more. */
    Future<JsonNode> comments(String noteId, String cursor, String xsecToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("note_id", noteId);
        query.put("cursor", cursor);
        query.put("xsec_token", xsecToken == null ? "" : xsecToken);
        return data(http.get(COMMENTS, query, headers));
    }

    /**
     * A page of the replies to one comment from {@code cursor} (the comment's {@code sub_comment_cursor},
     * then each page's {@code cursor}): comments (each with {@code target_comment}), cursor, has_more.
     */
    Future<JsonNode> replies(String noteId, String commentId, String cursor, String xsecToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("note_id", noteId);
        query.put("root_comment_id", commentId);
        query.put("num", String.valueOf(REPLY_PAGE_SIZE));
        query.put("cursor", cursor);
        query.put("xsec_token", xsecToken == null ? "" : xsecToken);
        return data(http.get(REPLIES, query, headers));
    }

    /** Fails any request in flight (the task is stopping). */
    void close() {
        http.close();
    }

    private static Future<JsonNode> data(Future<PlatformReply> reply) {
        return reply.compose(r -> {
            try {
                return Future.succeededFuture(XhsErrors.data(r));
            } catch (PlatformException e) {
                return Future.failedFuture(e);
            }
        });
    }
}
