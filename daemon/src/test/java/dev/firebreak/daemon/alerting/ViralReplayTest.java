package dev.firebreak.daemon.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.core.Alert;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.state.redis.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One complaint goes viral in a replayed stream, with the built-in rule pack: one alert for its
 * story, raised before the story reaches a tenth of its final size, updated (same id) as it grows,
 * and escalated on schedule (event time) because nobody acknowledges it.
 */
class ViralReplayTest {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");
    static final String[] REPOST_TEXTS = {"转发微博", "太过分了，暖途这质量避雷吧", "支持维权！", "同款也出问题了，客服根本不理人", "扩散"};

    @TempDir
    Path data;

    /** The root, then reposts whose rate grows ~7% a minute for 90 minutes, and unrelated chatter. */
    static List<String> stream() {
        List<String> lines = new ArrayList<>();
        lines.add(line("1000", "post", null, 0, 3_000, "暖途T7空气炸锅用了一个月内胆涂层就大片脱落，客服一直拖着不给退款，质量太差了，大家别买"));
        SplittableRandom rnd = new SplittableRandom(5);
        int id = 2000;
        for (int minute = 1; minute <= 90; minute++) {
            int n = (int) Math.round(Math.pow(1.07, minute));
            for (int k = 0; k < n; k++) {
                long followers = rnd.nextInt(50) == 0 ? 150_000 : 50 + rnd.nextInt(2_000);
                lines.add(line(Integer.toString(id++), "repost", "1000", minute * 60 + k * 60 / n, followers,
                        REPOST_TEXTS[rnd.nextInt(REPOST_TEXTS.length)]));
            }
            if (minute % 10 == 0) {
                lines.add(line(Integer.toString(id++), "post", null, minute * 60, 800, "今天在商场看到暖途的新品，颜值还挺高的"));
            }
        }
        return lines;
    }

    static String line(String id, String kind, String root, int seconds, long followers, String text) {
        String links = root == null ? "" : ",\"parentId\":\"" + root + "\",\"rootId\":\"" + root + "\"";
        return "{\"platform\":\"weibo\",\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"text\":\"" + text
                + "\",\"createdAt\":\"" + T0.plusSeconds(seconds) + "\",\"author\":{\"id\":\"u" + id + "\",\"name\":\"用户" + id
                + "\",\"followers\":" + followers + ",\"verified\":false}" + links + "}";
    }

    @Test
    void oneAlertRaisedEarlyUpdatedAsItGrowsAndEscalated() throws Exception {
        List<String> lines = stream();
        long finalSize = lines.stream().filter(l -> l.contains("\"rootId\":\"1000\"")).count() + 1;
        Path file = data.resolve("viral.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        List<Alert> delivered = new CopyOnWriteArrayList<>();
        List<String> recordedJson = new CopyOnWriteArrayList<>();
        String namespace = "test:" + java.util.UUID.randomUUID() + ":";
        FirebreakConfig config = new FirebreakConfig(data.resolve("d"), "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("replay", "replay", Map.of("path", file.toString(), "speed", "max"))),
                AlertingConfig.BUILTIN);
        List<String> audit;
        try (Firebreak app = Firebreak.start(config, new Firebreak.Options(false,
                List.of((recorded, version) -> {
                    delivered.add(version.alert());
                    recordedJson.add(recorded.json());
                }), p -> { }, namespace).inEventTime())) {
            app.runtime().allFinished().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
            String id = delivered.stream().filter(a -> "weibo:1000".equals(a.storyId())).findFirst().orElseThrow().id();
            audit = app.lifecycles().audit(id).toCompletableFuture().get();
        }
        // Closed: updates held back (the feed hears of a growing story every 25% or 5 min) are out now.
        List<Alert> story = delivered.stream().filter(a -> "weibo:1000".equals(a.storyId())).toList();
        assertEquals(1, story.stream().map(Alert::id).distinct().count(), "one alert for the viral story: " + story);
        long firstSize = story.get(0).story().size();
        System.out.printf("viral replay: alert %s (%s) raised at story size %d of %d, %d versions%n",
                story.get(0).id(), story.get(0).ruleId(), firstSize, finalSize, story.size());
        assertTrue(firstSize * 10 < finalSize, "raised at story size " + firstSize + " of " + finalSize);
        assertTrue(story.size() > 10, "updated as it grew: " + story.size() + " versions");
        for (int i = 1; i < story.size(); i++) {
            assertTrue(story.get(i).story().size() >= story.get(i - 1).story().size(), "versions in order");
        }
        assertEquals(finalSize, story.get(story.size() - 1).story().size(), "the last version has the whole story");
        assertEquals(0, delivered.stream().filter(a -> !"weibo:1000".equals(a.storyId()))
                        .filter(a -> !a.ruleId().startsWith("service-clock")).count(),   // the story alert's clocks breach
                "the chatter raises nothing");
        assertTrue(audit.get(0).contains("\"action\":\"open\""), audit.toString());
        assertTrue(audit.stream().anyMatch(a -> a.contains("\"action\":\"escalate\"") && a.contains("supervisor")),
                "escalated to the supervisor 30 min (event time) after it opened, nobody having acknowledged: " + audit);
        assertEquals(1, recordedJson.stream().filter(j -> j.contains("\"escalationLevel\":1")).count(),
                "the escalated version says its level (feed, webhooks, robots), the others do not");
    }

}
