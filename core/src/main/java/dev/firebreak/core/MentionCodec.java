package dev.firebreak.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads and writes the Mention contract with errors a person can act on: each names the field and
 * the bad value. Used by replay files, push ingest and tests alike.
 */
public final class MentionCodec {
    private static final List<String> REQUIRED = List.of("platform", "id", "kind", "text", "createdAt", "author");

    private MentionCodec() { }

    public static String encode(Mention mention) {
        return FirebreakJson.write(mention);
    }

    /** One Mention from one JSON object. */
    public static Mention decode(String json) throws InvalidMentionException {
        return fromTree(parse(json));
    }

    /**
     * A push body: one Mention object, or a JSON array of them. Any bad element rejects the whole body
     * (so nothing of it is stored), and the error names the element: {@code mention[3]: ...}.
     */
    public static List<Mention> decodeOneOrMany(String json) throws InvalidMentionException {
        JsonNode root = parse(json);
        if (!root.isArray()) {
            return List.of(fromTree(root));
        }
        List<Mention> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            try {
                out.add(fromTree(root.get(i)));
            } catch (InvalidMentionException e) {
                throw new InvalidMentionException("mention[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode parse(String json) throws InvalidMentionException {
        if (json == null || json.isBlank()) {
            throw new InvalidMentionException("empty input: expected a Mention JSON object");
        }
        try {
            return FirebreakJson.strictReader().readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : loc.getLineNr() > 1
                    ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : " at column " + loc.getColumnNr();
            String why = e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")
                    ? "more follows the first JSON value (send several mentions as one JSON array)" : e.getOriginalMessage();
            throw new InvalidMentionException("not valid JSON" + where + ": " + why);
        }
    }

    private static Mention fromTree(JsonNode node) throws InvalidMentionException {
        if (node == null || !node.isObject()) {
            throw new InvalidMentionException("expected a JSON object, got " + kindOf(node));
        }
        for (String field : REQUIRED) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new InvalidMentionException("missing required field \"" + field + "\"");
            }
        }
        if (!node.get("author").isObject()) {
            throw new InvalidMentionException("field \"author\" must be an object, got " + kindOf(node.get("author")));
        }
        JsonNode authorId = node.get("author").get("id");
        if (authorId == null || authorId.isNull() || authorId.asText().isBlank()) {
            throw new InvalidMentionException("missing required field \"author.id\"");
        }
        if (node.get("id").asText().isBlank()) {
            throw new InvalidMentionException("field \"id\" is empty");
        }
        if (!node.get("text").isTextual()) {
            throw new InvalidMentionException("field \"text\" must be a string, got " + kindOf(node.get("text")));
        }
        MentionChecks.check(node);
        try {
            return FirebreakJson.mapper().treeToValue(node, Mention.class);
        } catch (InvalidFormatException e) {
            throw new InvalidMentionException(badValue(e));
        } catch (JsonMappingException e) {
            Throwable cause = rootCause(e);
            String field = path(e);
            if (cause instanceof DateTimeParseException dt) {
                throw new InvalidMentionException("invalid value \"" + dt.getParsedString() + "\" for \"" + field
                        + "\": expected an ISO-8601 time with offset, like 2026-11-20T10:15:00+08:00");
            }
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new InvalidMentionException("invalid \"" + field + "\": " + why);
        } catch (IOException e) {
            throw new InvalidMentionException("cannot read mention: " + e.getMessage());
        }
    }

    private static String badValue(InvalidFormatException e) {
        String field = path(e);
        String expected = "";
        if (e.getTargetType() == java.time.OffsetDateTime.class) {
            return "invalid value \"" + e.getValue() + "\" for \"" + field
                    + "\": expected an ISO-8601 time with offset, like 2026-11-20T10:15:00+08:00";
        }
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            expected = " (expected " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + ")";
        } else if (e.getTargetType() != null) {
            expected = " (expected " + e.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + ")";
        }
        return "invalid value \"" + e.getValue() + "\" for \"" + field + "\"" + expected;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String kindOf(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
