package dev.firebreak.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.Alert;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.cli.OfflineReplay;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents end to end: the bundled demo's T7 smoke incident is one story with its report, blogger,
 * KOLs and the brand's statement in it and the look-alikes out; and a replay whose members arrive out of
 * order (the newspaper first, reposts before the complaint they repost) records one alert id for it.
 * The files are copies derived from {@code deploy/demo/mentions.jsonl}.
 */
class IncidentReplayTest {
    static final String COMPLAINT = "weibo:4890213323657981";   // 厨房里的阿杰

    @Test
    void theDemosT7SmokeIncidentIsOneStoryWithItsCarriersAndWithoutItsLookAlikes(@TempDir Path data) throws Exception {
        Path demo = Path.of("src/test/resources/incidents/demo-mentions.jsonl");
        List<JsonObject> mentions = Files.readAllLines(demo, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(JsonObject::new).toList();
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            HttpResponse<String> ingest = PushIngestTest.postTo(app, "[" + String.join(",", mentions.stream().map(JsonObject::encode).toList()) + "]");
            assertEquals(200, ingest.statusCode(), ingest.body());
            HttpResponse<String> story = Http.call(app, "GET", "/api/stories/" + COMPLAINT, null);
            assertEquals(200, story.statusCode(), story.body());
            Set<String> members = new LinkedHashSet<>();
            new JsonObject(story.body()).getJsonArray("mentions").forEach(m -> members.add(String.valueOf(m)));
            for (String author : List.of("厨房里的阿杰", "咪咪和她的猫", "老柯聊数码", "睡不醒的周一", "消费维权观察站", "云川都市报",
                    "拆机小马", "暖途官方微博")) {
                assertTrue(members.contains(keyOf(mentions, author)), author + " belongs to the T7 smoke incident: " + members);
            }
            for (String author : List.of("老陈爱折腾", "佛系小赵", "圆圆今天吃什么", "三分钟快手菜", "精明的会计", "烧烤摊主小五",
                    "半年老用户", "小厨房日记")) {
                assertFalse(members.contains(keyOf(mentions, author)), author + " is not part of it");
            }
        }
    }

    @Test
    void anIncidentArrivingOutOfOrderGetsOneAlertId(@TempDir Path data) throws Exception {
        Path file = Path.of("src/test/resources/incidents/t7-out-of-order.jsonl");
        List<Alert> alerts = new ArrayList<>();
        OfflineReplay.run(file, data, (recorded, version) -> alerts.add(version.alert()), p -> { });
        assertFalse(alerts.isEmpty(), "the smoke complaint raises an alert");
        Set<String> stories = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Alert a : alerts) {
            stories.add(a.storyId());
            ids.add(a.id());
        }
        assertEquals(1, stories.size(), "one incident: " + stories);
        assertEquals("weibo:4890213437026870", stories.iterator().next(), "named after its first member to arrive (the newspaper)");
        assertEquals(1, ids.size(), "one alert id for the incident: " + ids);
    }

    private static String keyOf(List<JsonObject> mentions, String author) {
        return mentions.stream().filter(m -> m.getJsonObject("author").getString("name").equals(author))
                .map(m -> m.getString("platform") + ":" + m.getString("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no mention by " + author));
    }
}
