package dev.firebreak.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The checks a Mention's JSON tree must pass before it is mapped: each field has the type the contract
 * says (Jackson would otherwise coerce a number to an id, an empty string to a missing time, a float to
 * a counter), times are real instants in years 1000–9999 (the index keeps epoch milliseconds) and counters
 * are whole and not negative. Each refusal names the field and the value.
 */
final class MentionChecks {
    static final int MAX_ID_LENGTH = 256;
    private static final List<String> COUNTERS = List.of("reposts", "comments", "likes", "shares", "collects");
    private static final String TIME_EXAMPLE = "expected an ISO-8601 time with offset, like 2026-11-20T10:15:00+08:00";

    private MentionChecks() { }

    static void check(JsonNode node) throws InvalidMentionException {
        enumName(node, "platform");
        enumName(node, "kind");
        id(node.get("id"), "id", true);
        id(node.get("parentId"), "parentId", false);
        id(node.get("rootId"), "rootId", false);
        optionalText(node.get("url"), "url");
        createdAt(node.get("createdAt"));
        JsonNode author = node.get("author");
        id(author.get("id"), "author.id", true);
        optionalText(author.get("name"), "author.name");
        optionalText(author.get("accountType"), "author.accountType");
        counter(author.get("followers"), "author.followers");
        JsonNode verified = author.get("verified");
        if (present(verified) && !verified.isBoolean()) {
            throw new InvalidMentionException("field \"author.verified\" must be true or false, got " + shown(verified));
        }
        JsonNode metrics = node.get("metrics");
        if (present(metrics)) {
            if (!metrics.isObject()) {
                throw new InvalidMentionException("field \"metrics\" must be an object, got " + shown(metrics));
            }
            for (String c : COUNTERS) {
                counter(metrics.get(c), "metrics." + c);
            }
        }
    }

    private static void enumName(JsonNode node, String field) throws InvalidMentionException {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new InvalidMentionException("field \"" + field + "\" must be a string, got " + shown(v));
        }
    }

    /** Platform ids are text; a whole number is read as its exact digits, any other number is refused. */
    private static void id(JsonNode v, String field, boolean required) throws InvalidMentionException {
        if (!present(v)) {
            return;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new InvalidMentionException("field \"" + field + "\" must be a string, got " + shown(v));
        }
        String text = v.asText();
        if (required && text.isBlank()) {
            throw new InvalidMentionException("field \"" + field + "\" is empty");
        }
        if (text.length() > MAX_ID_LENGTH) {
            throw new InvalidMentionException("field \"" + field + "\" is " + text.length()
                    + " characters long; the limit is " + MAX_ID_LENGTH);
        }
    }

    private static void optionalText(JsonNode v, String field) throws InvalidMentionException {
        if (present(v) && !v.isTextual()) {
            throw new InvalidMentionException("field \"" + field + "\" must be a string, got " + shown(v));
        }
    }

    private static void createdAt(JsonNode v) throws InvalidMentionException {
        if (!v.isTextual()) {
            throw new InvalidMentionException("field \"createdAt\" must be a string (" + TIME_EXAMPLE + "), got " + shown(v));
        }
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidMentionException("invalid value " + shown(v) + " for \"createdAt\": " + TIME_EXAMPLE);
        }
        if (!StorableTime.inRange(t)) {
            throw new InvalidMentionException("invalid value " + shown(v) + " for \"createdAt\": the year must be from "
                    + StorableTime.MIN_YEAR + " to " + StorableTime.MAX_YEAR);
        }
    }

    private static void counter(JsonNode v, String field) throws InvalidMentionException {
        if (!present(v)) {
            return;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidMentionException("field \"" + field + "\" must be a whole number, got " + shown(v));
        }
        if (v.asLong() < 0) {
            throw new InvalidMentionException(field + " must not be negative, got " + v.asLong());
        }
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull();
    }

    /** The value as JSON (so control characters show escaped), cut short if long. */
    static String shown(JsonNode v) {
        String json = v == null ? "null" : v.toString();
        String out = json.length() > 80 ? json.substring(0, 77) + "..." : json;
        return v != null && v.isContainerNode() ? v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + out : out;
    }
}
