package dev.firebreak.connectors.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weibo status and comment objects as Mentions. Ids come from {@code idstr} (a 64-bit id is not safe
 * as a double); {@code created_at} is {@code Fri May 31 20:22:00 +0800 2024} and keeps its offset.
 * A repost carries the original in {@code retweeted_status}, a comment the status it is on: both come
 * out as mentions too, so a story always has its root.
 */
final class WeiboMapper {
    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private WeiboMapper() { }

    /** A status (post or repost) and the original it repeats, if that is still there. */
    static List<Mention> status(JsonNode s) {
        List<Mention> out = new ArrayList<>();
        JsonNode original = s.get("retweeted_status");
        String rootId = null;
        if (original != null && original.isObject()) {
            rootId = id(original);
            if (original.hasNonNull("user")) {
                out.addAll(status(original));
            }
        }
        Kind kind = rootId == null ? Kind.POST : Kind.REPOST;
        out.add(new Mention(Platform.WEIBO, id(s), kind, s.path("text").asText(""), time(s), author(s.path("user")),
                rootId, rootId, "https://m.weibo.cn/detail/" + id(s),
                new Metrics(s.path("reposts_count").asLong(), s.path("comments_count").asLong(),
                        s.path("attitudes_count").asLong(), 0, 0)));
        return out;
    }

    /** A comment, after the status it is on (and that status's original). */
    static List<Mention> comment(JsonNode c) {
        List<Mention> out = new ArrayList<>();
        JsonNode on = c.get("status");
        String statusId = null;
        String rootId = null;
        if (on != null && on.isObject()) {
            statusId = id(on);
            JsonNode original = on.get("retweeted_status");
            rootId = original != null && original.isObject() ? id(original) : statusId;
            if (on.hasNonNull("user")) {
                out.addAll(status(on));
            }
        }
        JsonNode reply = c.get("reply_comment");
        String parentId = reply != null && reply.isObject() ? id(reply) : statusId;
        out.add(new Mention(Platform.WEIBO, id(c), Kind.COMMENT, c.path("text").asText(""), time(c),
                author(c.path("user")), parentId, rootId,
                statusId == null ? null : "https://m.weibo.cn/detail/" + statusId,
                new Metrics(0, 0, c.path("like_count").asLong(), 0, 0)));
        return out;
    }

    /** One copy of each mention, first seen first: a page often embeds the same original many times. */
    static List<Mention> distinct(List<Mention> mentions) {
        java.util.Map<String, Mention> byKey = new java.util.LinkedHashMap<>();
        mentions.forEach(m -> byKey.putIfAbsent(m.key(), m));
        return List.copyOf(byKey.values());
    }

    static String id(JsonNode n) {
        String idstr = n.path("idstr").asText("");
        return idstr.isEmpty() ? n.path("id").asText() : idstr;
    }

    static long longId(JsonNode n) {
        return Long.parseLong(id(n));
    }

    static OffsetDateTime time(JsonNode n) {
        String text = n.path("created_at").asText("");
        try {
            return OffsetDateTime.parse(text, CREATED_AT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at \"" + text + "\" of Weibo item " + id(n)
                    + " is not in the form Fri May 31 20:22:00 +0800 2024");
        }
    }

    static Author author(JsonNode u) {
        String id = u.path("idstr").asText(u.path("id").asText(""));
        boolean verified = u.path("verified").asBoolean(false);
        return new Author(id.isEmpty() ? "unknown" : id, u.path("screen_name").asText(u.path("name").asText("")),
                Math.max(0, u.path("followers_count").asLong()), verified,
                verified ? accountType(u.path("verified_type").asInt(-1)) : null);
    }

    /** Weibo's verified_type: 0 a person, 1 government, 2 enterprise, 3 media (others: not said). */
    static String accountType(int verifiedType) {
        return switch (verifiedType) {
            case 0 -> "person";
            case 1 -> "government";
            case 2 -> "enterprise";
            case 3 -> "media";
            default -> null;
        };
    }
}
