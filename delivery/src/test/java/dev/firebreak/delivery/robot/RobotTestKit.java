package dev.firebreak.delivery.robot;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Severity;
import dev.firebreak.core.Story;
import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.Delivery;
import dev.firebreak.delivery.SendResult;
import dev.firebreak.delivery.ack.AckLinks;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Alerts, deliveries and channels for the robot tests. */
public final class RobotTestKit {
    public static final AckLinks LINKS = new AckLinks("k".repeat(32).getBytes(StandardCharsets.UTF_8),
            "https://firebreak.example.com");

    private RobotTestKit() { }

    public static Alert alert(String id, Severity severity, AlertStatus status, long size, String reason) {
        return new Alert(id, "safety-complaint", "3", severity, "story-" + id,
                OffsetDateTime.parse("2026-11-20T02:15:00Z"), reason, List.of("weibo:4890123456789012", "weibo:2"),
                new Story.Figures(size, 35.25, 240L, 2_150_000L), status);
    }

    public static Delivery delivery(Alert a, boolean followUp) {
        return delivery(FirebreakJson.write(a), a, followUp);
    }

    public static Delivery delivery(String json, Alert a, boolean followUp) {
        return new Delivery("msg_" + a.id() + "_" + a.status(), "room", a.id(), a.storyId(), 1, followUp, json,
                System.currentTimeMillis());
    }

    /** n new P2 alerts with long reasons, as a burst a digest must fold. */
    public static List<Delivery> burst(int n) {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(delivery(alert("a" + i, i % 7 == 0 ? Severity.P1 : Severity.P2, AlertStatus.FIRING, 10 + i,
                    "暖途电暖器N3漏电投诉在微博扩散，多名用户称被电伤，要求退款并扬言投诉到12315（第" + i + "条）"), false));
        }
        return out;
    }

    /**
     * A digest's text lists some alerts ("12. ...") and counts the rest ("另有 69 条"): together they
     * must be all {@code n}, in order. Returns how many were listed.
     */
    public static int assertAllAccountedFor(String text, int n) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^(?:- )?(\\d+)\\. ").matcher(text);
        int listed = 0;
        while (line.find()) {
            org.junit.jupiter.api.Assertions.assertEquals(listed + 1, Integer.parseInt(line.group(1)), text);
            listed++;
        }
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("另有 (\\d+) 条").matcher(text);
        int counted = more.find() ? Integer.parseInt(more.group(1)) : 0;
        org.junit.jupiter.api.Assertions.assertEquals(n, listed + counted, "listed " + listed + " + counted " + counted);
        org.junit.jupiter.api.Assertions.assertTrue(listed > 0, "a digest lists at least one alert");
        return listed;
    }

    public static ChannelConfig channel(String type, String url, List<String> secrets, List<String> mobiles) {
        return new ChannelConfig("room", type, url, secrets, mobiles, 0, true);
    }

    public static SendResult await(Future<SendResult> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
