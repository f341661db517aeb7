package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.core.Alert;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.state.redis.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo configuration names the brand's account (暖途官方微博), so its statement about the T7 smoke
 * (关于近期部分用户反馈T7空气炸锅出现异味、冒烟…) raises no alert; without it, the statement raises a P1.
 * And the demo, as it ships, makes one incident of the T7 smoke with its newspaper report, blogger, KOL
 * and the brand's statement in it, one P1 alert for it, and the statement as the brand's response.
 */
class DemoBrandTest {
    static final String STATEMENT = "weibo:4890213408831359";
    static final String COMPLAINT = "weibo:4890213323657981";   // 厨房里的阿杰
    private final Set<String> t7Members = new java.util.concurrent.ConcurrentSkipListSet<>();

    @TempDir
    Path data;

    private List<Alert> replay(FirebreakConfig demo, String dir) throws Exception {
        Path file = data.resolve(dir).resolve("demo").resolve("mentions.jsonl");
        FirebreakConfig config = new FirebreakConfig(demo.dataDir(), demo.httpHost(), 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("demo", "replay", Map.of("path", file.toString(), "speed", "max"))),
                demo.alerting(), AnalysisConfig.FIRST_SCORES_ONLY).withBrand(demo.brand());
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        try (Firebreak app = Firebreak.start(config, new Firebreak.Options(false, List.of((r, v) -> alerts.add(v.alert())),
                p -> { }, "test:" + java.util.UUID.randomUUID() + ":"))) {
            app.runtime().allFinished().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
            t7Members.clear();
            for (Alert a : alerts) {
                if (a.mentions().contains(COMPLAINT) && a.storyId() != null) {
                    app.index().story(a.storyId(), 10_000).forEach(m -> t7Members.add(m.mention().key()));
                }
            }
        }
        return alerts;
    }

    @Test
    void theDemosT7SmokeIsOneIncidentWithOneP1AlertAndTheBrandsStatementAsItsResponse() throws Exception {
        FirebreakConfig demo = DemoConfig.create(data.resolve("c"));
        List<Alert> alerts = replay(demo, "c");
        List<Alert> t7 = alerts.stream().filter(a -> a.storyId() != null && a.mentions().contains(COMPLAINT)).toList();
        assertFalse(t7.isEmpty(), "the T7 smoke complaint raised nothing: " + alerts);
        String story = t7.get(0).storyId();
        List<Alert> ofIncident = alerts.stream().filter(a -> story.equals(a.storyId()) && !a.ruleId().startsWith("service-clock")).toList();
        assertEquals(Set.of(t7.get(0).id()), ofIncident.stream().map(Alert::id).collect(Collectors.toSet()), "one alert for the incident");
        assertEquals(dev.firebreak.core.Severity.P1, ofIncident.get(ofIncident.size() - 1).severity());

        List<String> demoLines = Files.readAllLines(data.resolve("c").resolve("demo").resolve("mentions.jsonl"));
        for (String author : List.of("消费维权观察站", "云川都市报", "拆机小马", "暖途官方微博")) {
            assertTrue(t7Members.contains(keyOf(demoLines, author)), author + " is in the T7 incident: " + t7Members);
        }
        assertTrue(t7Members.contains(STATEMENT), "the brand's statement is in the incident");
        assertTrue(alerts.stream().noneMatch(a -> a.mentions().contains(STATEMENT) && !story.equals(a.storyId())),
                "the statement raised an alert of its own");
        Alert last = ofIncident.get(ofIncident.size() - 1);
        assertNotNull(last.story().brandRespondedAt(), "the incident's alert says when the brand responded: " + last);
    }

    private static String keyOf(List<String> lines, String author) {
        return lines.stream().filter(l -> !l.isBlank()).map(io.vertx.core.json.JsonObject::new)
                .filter(m -> author.equals(m.getJsonObject("author").getString("name")))
                .map(m -> m.getString("platform") + ":" + m.getString("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no demo mention by " + author));
    }

    @Test
    void theBrandsStatementInTheDemoRaisesNothing() throws Exception {
        FirebreakConfig demo = DemoConfig.create(data.resolve("a"));
        assertTrue(demo.brand().ids().get(dev.firebreak.core.Platform.WEIBO).contains("5968130293"));
        List<Alert> alerts = replay(demo, "a");
        assertTrue(alerts.stream().noneMatch(a -> a.mentions().contains(STATEMENT)), "the brand's statement raised " + alerts);
        assertTrue(alerts.stream().noneMatch(a -> a.reason().contains("暖途官方微博")), "no alert names the brand as complainant");

        List<Alert> without = replay(DemoConfig.create(data.resolve("b")).withBrand(BrandAccounts.NONE), "b");
        assertEquals(1, without.stream().filter(a -> a.mentions().contains(STATEMENT)).map(Alert::id).distinct().count(),
                "without the brand's accounts the statement is taken for a complaint");
    }
}
