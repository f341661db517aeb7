package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebreak.core.FirebreakJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private List<JsonNode> run(byte[] stdin, String... options) throws Exception {
        String[] argv = new String[options.length + 1];
        argv[0] = "sentiment";
        System.arraycopy(options, 0, argv, 1, options.length);
        int code = SentimentCommand.run(argv, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(FirebreakJson.mapper().readTree(line));
        }
        return lines;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneJsonLinePerInputLineInOrderWhateverTheInput() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(utf8("暖途T7空气炸锅用了三天就坏了，客服踢皮球，再不给退款我就去12315投诉\n"));
        in.writeBytes(utf8("\n"));
        in.writeBytes(utf8("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\n"));
        in.writeBytes(new byte[] {'o', 'k', (byte) 0xC3, '\n'});
        in.writeBytes(utf8("差".repeat(10_000) + "\n"));
        in.writeBytes(utf8("非常好用，物流也快，好评"));
        List<JsonNode> lines = run(in.toByteArray(), "--no-corenlp");
        assertEquals(6, lines.size());

        JsonNode complaint = lines.get(0);
        assertEquals("negative", complaint.get("label").asText());
        assertTrue(complaint.get("negative").asDouble() >= 0.8);
        assertEquals("threat", complaint.at("/escalation/stage").asText());
        assertEquals("12315", complaint.at("/escalation/channels/0").asText());
        assertTrue(complaint.get("complaint").toString().contains("refund"), complaint.toString());
        assertEquals("{\"text\":\"暖途T7空气炸锅\",\"type\":\"PRODUCT\"}", complaint.at("/entities/0").toString());

        assertTrue(lines.get(1).has("label"), "an empty line is an empty text");
        assertTrue(lines.get(2).has("label"), "emoji only");
        assertEquals("{\"line\":4,\"error\":\"invalid UTF-8 at byte 3 (byte 0xC3); line skipped\"}", lines.get(3).toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("stdin:4: invalid UTF-8 at byte 3 (byte 0xC3); line skipped"));
        assertEquals("negative", lines.get(4).get("label").asText());
        assertEquals("positive", lines.get(5).get("label").asText());
    }

    @Test
    void withCoreNlpPeopleAndPlacesAreAdded() throws Exception {
        List<JsonNode> lines = run(utf8("上海的王小明买的暖途T7空气炸锅冒烟了\n"));
        String entities = lines.get(0).get("entities").toString();
        assertTrue(entities.contains("{\"text\":\"王小明\",\"type\":\"PERSON\"}"), entities);
        assertTrue(entities.contains("{\"text\":\"上海\",\"type\":\"LOCATION\"}"), entities);
        assertTrue(lines.get(0).get("model").asText().endsWith("+corenlp-4.5.10"));
    }

    @Test
    void aBadOptionIsAUsageError() {
        Args.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(Args.UsageException.class,
                () -> run(new byte[0], "--threads", "0"));
        assertEquals("sentiment: --threads: expected a whole number of at least 1, got \"0\"", e.getMessage());
    }
}
