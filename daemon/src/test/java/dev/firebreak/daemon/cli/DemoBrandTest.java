package dev.firebreak.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.core.Alert;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AnalysisConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.state.redis.testing.TestRedis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo configuration names the brand's account (暖途官方微博), so its statement about the T7 smoke
 * (关于近期部分用户反馈T7空气炸锅出现异味、冒烟…) raises no alert; without it, the statement raises a P1.
 */
class DemoBrandTest {
    static final String STATEMENT = "weibo:4890213408831359";

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
        }
        return alerts;
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
