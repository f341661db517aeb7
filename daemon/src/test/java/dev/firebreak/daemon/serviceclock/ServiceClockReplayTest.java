package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.core.Alert;
import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Platform;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.FirebreakConfig;
import dev.firebreak.state.redis.testing.TestRedis;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay (event time, as fast as it reads) of three safety complaints about three products, the brand
 * answering one in 20 minutes (its public statement about that product's fault, then a direct answer at
 * 40), one in 90 (the P1 target is an hour) and one never: the
 * first-reply clock of each incident's alert is what the replies say, a breach alert is raised exactly
 * at the deadlines that passed, and the brand's statement raises nothing.
 */
class ServiceClockReplayTest {
    static final BrandAccounts BRAND = new BrandAccounts(Map.of(Platform.WEIBO, Set.of("7012345678")), Map.of());

    @TempDir
    Path data;

    @Test
    void firstReplyClocksAndBreachesFollowTheBrandsRepliesInEventTime() throws Exception {
        Path file = data.resolve("stream.jsonl");
        Files.copy(Path.of(getClass().getResource("/serviceclock/brand-replies.jsonl").toURI()), file);
        List<String> recorded = new CopyOnWriteArrayList<>();
        FirebreakConfig config = new FirebreakConfig(data.resolve("d"), "127.0.0.1", 0, TestRedis.externalUri(),
                List.of(new ConnectorConfig("replay", "replay", Map.of("path", file.toString(), "speed", "max"))),
                AlertingConfig.BUILTIN).withBrand(BRAND);
        Map<String, AlertClocks> byStory;
        try (Firebreak app = Firebreak.start(config, new Firebreak.Options(false,
                List.of((r, v) -> recorded.add(r.json())), p -> { }, "test:" + java.util.UUID.randomUUID() + ":").inEventTime())) {
            app.runtime().allFinished().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
            byStory = new java.util.HashMap<>();
            for (String story : List.of("weibo:9100", "weibo:9200", "weibo:9300")) {
                List<String> ids = app.serviceClocks().alertsOfStory(story);
                assertEquals(1, ids.size(), story + ": one alert with clocks, got " + ids);
                byStory.put(story, app.serviceClocks().clocks(ids.get(0)).orElseThrow());
            }
        }
        List<JsonObject> alerts = recorded.stream().map(JsonObject::new).toList();

        ServiceClock a = byStory.get("weibo:9100").clock(ClockKind.FIRST_REPLY).orElseThrow();
        assertEquals(ServiceClock.Status.MET, a.status(), a.toString());
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), a.startedAt());
        assertEquals(Instant.parse("2026-11-20T03:00:00Z"), a.deadline(), "P1: a public reply within the hour");
        // The brand's public statement about the T7 smoke (10:20) joins the incident and is its first
        // public reply, before the direct answer to the complainant at 10:40.
        assertEquals(Instant.parse("2026-11-20T02:20:00Z"), a.metAt());
        assertEquals("brand reply weibo:9400", a.metBy());

        ServiceClock b = byStory.get("weibo:9200").clock(ClockKind.FIRST_REPLY).orElseThrow();
        assertEquals(ServiceClock.Status.BREACHED, b.status(), b.toString());
        assertEquals(Instant.parse("2026-11-20T03:05:00Z"), b.breachedAt());
        assertEquals(Instant.parse("2026-11-20T03:35:00Z"), b.metAt(), "the late reply's time is kept");

        ServiceClock c = byStory.get("weibo:9300").clock(ClockKind.FIRST_REPLY).orElseThrow();
        assertEquals(ServiceClock.Status.BREACHED, c.status(), c.toString());
        assertEquals(Instant.parse("2026-11-20T03:10:00Z"), c.breachedAt());
        assertNull(c.metAt());

        Map<String, String> replyBreaches = alerts.stream()
                .filter(j -> "service-clock".equals(j.getString("ruleId")))
                .filter(j -> "firstReply".equals(j.getJsonObject("watches").getString("clock")))
                .collect(Collectors.toMap(j -> j.getJsonObject("watches").getString("alertId"), j -> j.getString("firedAt")));
        assertEquals(Map.of(
                byStory.get("weibo:9200").alertId(), "2026-11-20T11:05:00+08:00",
                byStory.get("weibo:9300").alertId(), "2026-11-20T11:10:00+08:00"), replyBreaches,
                "a breach exactly where the reply was late or missing, at its deadline; none for the reply in time");
        assertEquals("P2", alerts.stream().filter(j -> "service-clock".equals(j.getString("ruleId"))).findFirst()
                .orElseThrow().getString("severity"));

        assertTrue(alerts.stream().noneMatch(j -> "weibo:9400".equals(j.getString("storyId"))),
                "the brand's own statement raises no alert: " + alerts);
        assertTrue(alerts.stream().noneMatch(j -> j.getString("reason", "").contains("暖途官方微博")),
                "no alert names the brand as a complainant");
    }
}
