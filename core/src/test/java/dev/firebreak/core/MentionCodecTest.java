package dev.firebreak.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionCodecTest {
    static final String LINE = "{\"platform\":\"weibo\",\"id\":\"4890123456789012345\",\"kind\":\"post\","
            + "\"text\":\"暖途T7空气炸锅冒烟了\",\"createdAt\":\"2026-11-20T10:15:00+08:00\","
            + "\"author\":{\"id\":\"1234567\",\"name\":\"某用户\",\"followers\":2150000,\"verified\":true},"
            + "\"parentId\":null,\"rootId\":null,\"url\":\"https://weibo.com/1/2\","
            + "\"metrics\":{\"reposts\":1,\"comments\":2,\"likes\":3,\"shares\":4,\"collects\":5}}";

    @Test
    void readsTheContractAndKeepsIdsAndOffsetsExact() throws Exception {
        Mention m = MentionCodec.decode(LINE);
        assertEquals(Platform.WEIBO, m.platform());
        assertEquals("4890123456789012345", m.id(), "64-bit ids must survive as text");
        assertEquals("weibo:4890123456789012345", m.key());
        assertEquals(OffsetDateTime.parse("2026-11-20T10:15:00+08:00"), m.createdAt());
        assertEquals("+08:00", m.createdAt().getOffset().getId());
        assertEquals(2150000, m.author().followers());
        assertEquals(new Metrics(1, 2, 3, 4, 5), m.metrics());
    }

    @Test
    void roundTripsThroughItsOwnJson() throws Exception {
        Mention m = MentionCodec.decode(LINE);
        assertEquals(m, MentionCodec.decode(MentionCodec.encode(m)));
        assertEquals(FirebreakJson.mapper().readTree(LINE), FirebreakJson.mapper().readTree(MentionCodec.encode(m)));
    }

    @Test
    void ignoresUnknownFieldsAndDefaultsMissingMetrics() throws Exception {
        String line = LINE.replace("\"metrics\":{\"reposts\":1,\"comments\":2,\"likes\":3,\"shares\":4,\"collects\":5}",
                "\"ipLocation\":\"广东\"");
        Mention m = MentionCodec.decode(line);
        assertEquals(Metrics.ZERO, m.metrics());
    }

    @Test
    void namesTheProblem() {
        assertEquals("missing required field \"text\"",
                error(LINE.replace("\"text\":\"暖途T7空气炸锅冒烟了\",", "")));
        assertEquals("invalid value \"weibo2\" for \"platform\" (expected weibo, douyin, xiaohongshu, other)",
                error(LINE.replace("\"weibo\"", "\"weibo2\"")));
        assertEquals("invalid value \"2026-11-20 10:15\" for \"createdAt\": expected an ISO-8601 time with offset,"
                + " like 2026-11-20T10:15:00+08:00", error(LINE.replace("2026-11-20T10:15:00+08:00", "2026-11-20 10:15")));
        assertEquals("missing required field \"author.id\"", error(LINE.replace("\"id\":\"1234567\",", "")));
        assertEquals("author.followers must not be negative, got -5",
                error(LINE.replace("2150000", "-5")));
        assertEquals("expected a JSON object, got array", error("[1]"));
        assertEquals("not valid JSON at column 2: Unexpected character ('n' (code 110)): was expecting double-quote"
                + " to start field name", error("{nope"));
    }

    @Test
    void aBatchRejectsTheWholeBodyAndSaysWhichElement() throws Exception {
        assertEquals(2, MentionCodec.decodeOneOrMany("[" + LINE + "," + LINE.replace("4890123456789012345", "9") + "]").size());
        assertEquals(1, MentionCodec.decodeOneOrMany(LINE).size());
        InvalidMentionException e = assertThrows(InvalidMentionException.class,
                () -> MentionCodec.decodeOneOrMany("[" + LINE + ",{\"platform\":\"weibo\"}]"));
        assertEquals("mention[1]: missing required field \"id\"", e.getMessage());
    }

    @Test
    void timesThatAreNotRealInstantsInTheIndexRangeAreRefusedByName() {
        String at = "2026-11-20T10:15:00+08:00";
        assertEquals("invalid value \"\" for \"createdAt\": expected an ISO-8601 time with offset, like 2026-11-20T10:15:00+08:00",
                error(LINE.replace(at, "")));
        assertEquals("invalid value \"\\u0000\" for \"createdAt\": expected an ISO-8601 time with offset, like"
                + " 2026-11-20T10:15:00+08:00", error(LINE.replace(at, "\\u0000")));
        assertEquals("invalid value \"+999999999-01-01T00:00:00Z\" for \"createdAt\": the year must be from 1000 to 9999",
                error(LINE.replace(at, "+999999999-01-01T00:00:00Z")));
        assertEquals("invalid value \"-999999999-01-01T00:00:00Z\" for \"createdAt\": the year must be from 1000 to 9999",
                error(LINE.replace(at, "-999999999-01-01T00:00:00Z")));
        assertEquals("field \"createdAt\" must be a string (expected an ISO-8601 time with offset, like"
                + " 2026-11-20T10:15:00+08:00), got 1700000000", error(LINE.replace("\"" + at + "\"", "1700000000")));
    }

    @Test
    void typesAreNotCoercedAndCountersAreWholeAndNotNegative() {
        assertEquals("field \"platform\" must be a string, got 1", error(LINE.replace("\"weibo\"", "1")));
        assertEquals("field \"kind\" must be a string, got true", error(LINE.replace("\"post\"", "true")));
        assertEquals("field \"id\" must be a string, got 1E+309",
                error(LINE.replace("\"4890123456789012345\"", "1e309")));
        assertEquals("field \"id\" must be a string, got 1.5", error(LINE.replace("\"4890123456789012345\"", "1.5")));
        assertEquals("metrics.likes must not be negative, got -3", error(LINE.replace("\"likes\":3", "\"likes\":-3")));
        assertEquals("field \"metrics.shares\" must be a whole number, got 4.5",
                error(LINE.replace("\"shares\":4", "\"shares\":4.5")));
        assertEquals("field \"metrics.reposts\" must be a whole number, got \"1\"",
                error(LINE.replace("\"reposts\":1", "\"reposts\":\"1\"")));
        assertEquals("field \"author.followers\" must be a whole number, got 1E+30",
                error(LINE.replace("2150000", "1e30")));
        assertEquals("field \"author.verified\" must be true or false, got \"yes\"",
                error(LINE.replace("\"verified\":true", "\"verified\":\"yes\"")));
        assertEquals("field \"metrics\" must be an object, got array [1]", error(LINE.replace(
                "{\"reposts\":1,\"comments\":2,\"likes\":3,\"shares\":4,\"collects\":5}", "[1]")));
        assertEquals("field \"id\" is 257 characters long; the limit is 256",
                error(LINE.replace("4890123456789012345", "9".repeat(257))));
    }

    @Test
    void aWholeNumberIdIsReadAsItsExactDigits() throws Exception {
        assertEquals("4890123456789012345", MentionCodec.decode(LINE.replace("\"4890123456789012345\"", "4890123456789012345")).id());
    }

    @Test
    void onlyOneJsonValueIsRead() {
        assertEquals("not valid JSON at column " + (LINE.length() + 1) + ": more follows the first JSON value"
                + " (send several mentions as one JSON array)", error(LINE + LINE));
        assertEquals("not valid JSON at column " + (LINE.length() + " garbage".length() + 1) + ": Unrecognized token 'garbage': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", error(LINE + " garbage"));
        InvalidMentionException e = assertThrows(InvalidMentionException.class,
                () -> MentionCodec.decodeOneOrMany("[" + LINE + "]\n[" + LINE + "]"));
        assertEquals("not valid JSON at line 2, column 1: more follows the first JSON value"
                + " (send several mentions as one JSON array)", e.getMessage());
    }

    @Test
    void aBatchNamesTheElementAndTheField() {
        InvalidMentionException e = assertThrows(InvalidMentionException.class, () -> MentionCodec.decodeOneOrMany(
                "[" + LINE + "," + LINE.replace("2026-11-20T10:15:00+08:00", "") + "]"));
        assertEquals("mention[1]: invalid value \"\" for \"createdAt\": expected an ISO-8601 time with offset,"
                + " like 2026-11-20T10:15:00+08:00", e.getMessage());
    }

    @Test
    void alertRoundTripsWithTheContractFieldNames() throws Exception {
        Alert a = new Alert("a1", "negative-high-reach", "v1", Severity.P2, "weibo:1",
                OffsetDateTime.parse("2026-11-20T10:15:00+08:00"), "负面", List.of("weibo:1"),
                new Story.Figures(1, 0.5, null, 2150000), AlertStatus.FIRING);
        String json = FirebreakJson.write(a);
        assertEquals(a, FirebreakJson.read(json, Alert.class));
        var tree = FirebreakJson.mapper().readTree(json);
        assertEquals("firing", tree.get("status").asText());
        assertEquals("P2", tree.get("severity").asText());
        assertEquals(2150000, tree.get("story").get("reach").asLong());
        assertEquals(List.of("id", "ruleId", "ruleVersion", "severity", "storyId", "firedAt", "reason", "mentions",
                "story", "status", "rules"), iterable(tree.fieldNames()), "the contract's fields, then what it grew by");
        assertEquals("negative-high-reach", tree.get("rules").get(0).get("ruleId").asText(), "an alert of one rule lists it");
        Alert handled = a.withStatus(AlertStatus.ACKNOWLEDGED, new Alert.Handling("assigned", "小王", "小李"));
        assertEquals(handled, FirebreakJson.read(FirebreakJson.write(handled), Alert.class));
        assertEquals("小李", FirebreakJson.mapper().readTree(FirebreakJson.write(handled)).get("handling").get("assignee").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String error(String json) {
        return assertThrows(InvalidMentionException.class, () -> MentionCodec.decode(json)).getMessage();
    }
}
