package dev.firebreak.connectors.douyin;

import dev.firebreak.core.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Douyin videos, comments and replies as Mentions. Ids stay the opaque strings Douyin sent. */
final class DouyinMapper {
    /** Douyin sends unix seconds; mentions keep China time. */
    static final ZoneOffset CHINA = ChinaTime.OFFSET;

    private DouyinMapper() { }

    static OffsetDateTime time(long unixSeconds) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(unixSeconds), CHINA);
    }

    /** A video of the business account: its author is the account itself. */
    static Mention video(JsonNode v, String openId) {
        return new Mention(Platform.DOUYIN, v.path("item_id").asText(), Kind.VIDEO, v.path("title").asText(""),
                time(v.path("create_time").asLong()), new Author(openId, openId, 0, false), null, null,
                blankToNull(v.path("share_url").asText("")), videoMetrics(v.path("statistics")));
    }

    /** {@code statistics}: forwards are reposts, digg is likes. */
    static Metrics videoMetrics(JsonNode s) {
        return new Metrics(s.path("forward_count").asLong(), s.path("comment_count").asLong(),
                s.path("digg_count").asLong(), s.path("share_count").asLong(), 0);
    }

    /** A comment on a video: parent and root are the video. */
    static Mention comment(JsonNode c, String itemId) {
        return commentLike(c, itemId, itemId, c.path("comment_user_id").asText());
    }

    /** A reply to a comment: the parent is the comment, the root its video. */
    static Mention reply(JsonNode r, String itemId, String commentId) {
        return commentLike(r, commentId, itemId, r.path("comment_user_id").asText());
    }

    /** The Douyin API gives no nickname or follower count for commenters; the id stands in for the name. */
    static Mention commentLike(JsonNode c, String parentId, String rootId, String authorName) {
        String userId = c.path("comment_user_id").asText();
        return new Mention(Platform.DOUYIN, c.path("comment_id").asText(), Kind.COMMENT, c.path("content").asText(""),
                time(c.path("create_time").asLong()), new Author(userId, authorName, 0, false), parentId, rootId, null,
                new Metrics(0, c.path("reply_comment_total").asLong(), c.path("digg_count").asLong(), 0, 0));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
