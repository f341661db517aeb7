package dev.firebreak.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Platform;
import dev.firebreak.core.Severity;
import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code brand.accounts} and {@code serviceClocks}: read into their records, every mistake at its line and column. */
class ServiceClockConfigTest {
    private static FirebreakConfig parse(String yaml) throws ConfigError {
        return new ConfigLoader(n -> null).parse("firebreak.yaml", yaml);
    }

    @Test
    void brandAccountsAreReadPerPlatform() throws Exception {
        FirebreakConfig c = parse("""
                brand:
                  accounts:
                    weibo: {ids: ["7012345678", 5968130293], names: [暖途官方微博]}
                    douyin: {names: [暖途官方旗舰店]}
                """);
        assertEquals(new BrandAccounts(Map.of(Platform.WEIBO, Set.of("7012345678", "5968130293"), Platform.DOUYIN, Set.of()),
                Map.of(Platform.WEIBO, Set.of("暖途官方微博"), Platform.DOUYIN, Set.of("暖途官方旗舰店"))), c.brand());
        assertEquals(BrandAccounts.NONE, parse("http: {port: 9090}\n").brand());
    }

    @Test
    void brandMistakesSayWhere() {
        ConfigError e = assertThrows(ConfigError.class, () -> parse("""
                brand:
                  accounts:
                    wechat: {ids: ["1"]}
                    weibo: {ids: ["", "7012345678"], names: "暖途官方微博", handle: x}
                    douyin: {}
                  owner: 暖途
                """));
        assertEquals(List.of(
                "firebreak.yaml:6:10: brand.owner: unknown key (expected accounts)",
                "firebreak.yaml:3:13: brand.accounts.wechat: unknown platform (expected weibo, douyin, xiaohongshu, other)",
                "firebreak.yaml:4:63: brand.accounts.weibo.handle: unknown key (expected ids, names)",
                "firebreak.yaml:4:19: brand.accounts.weibo.ids[0]: empty entry",
                "firebreak.yaml:4:45: brand.accounts.weibo.names: expected a list like [\"7012345678\"]",
                "firebreak.yaml:5:13: brand.accounts.douyin: no account: give ids or names"), e.problems());
    }

    @Test
    void clocksDefaultToTheSeedGuideAndAreOverriddenPerSeverityAndPlatform() throws Exception {
        assertEquals(ServiceClockSettings.DEFAULT, parse("http: {port: 9090}\n").serviceClocks());
        ServiceClockSettings s = parse("""
                serviceClocks:
                  remindBefore: 5m
                  supervisorLevel: 1
                  supervisors: [王主管]
                  P1: {firstReply: 30m}
                  P3: {supervisor: 48h, acknowledge: off}
                  platforms:
                    douyin: {P1: {acknowledge: 15m}}
                """).serviceClocks();
        assertEquals(Duration.ofMinutes(5), s.remindBefore());
        assertEquals(1, s.supervisorLevel());
        assertEquals(Set.of("王主管"), s.supervisors());
        var p1 = s.targets(Severity.P1, Platform.WEIBO);
        assertEquals(List.of(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(24)),
                List.of(p1.of(ClockKind.ACKNOWLEDGE), p1.of(ClockKind.FIRST_REPLY), p1.of(ClockKind.SUPERVISOR)),
                "a clock left out keeps its default");
        var p1Douyin = s.targets(Severity.P1, Platform.DOUYIN);
        assertEquals(Duration.ofMinutes(15), p1Douyin.of(ClockKind.ACKNOWLEDGE));
        assertEquals(Duration.ofMinutes(30), p1Douyin.of(ClockKind.FIRST_REPLY), "the platform overrides one clock only");
        var p3 = s.targets(Severity.P3, null);
        assertNull(p3.of(ClockKind.ACKNOWLEDGE), "off: not kept");
        assertEquals(Duration.ofHours(48), p3.of(ClockKind.SUPERVISOR));
        assertNull(s.targets(Severity.P4, Platform.WEIBO).of(ClockKind.FIRST_REPLY), "a P4 keeps no clocks by default");
    }

    @Test
    void clockMistakesSayWhere() {
        ConfigError e = assertThrows(ConfigError.class, () -> parse("""
                serviceClocks:
                  P1: {firstReply: 60, reply: 1h}
                  P5: {acknowledge: 1h}
                  remindBefore: off
                  supervisorLevel: 0
                  supervisors: [""]
                  platforms:
                    wechat: {P1: {firstReply: 1h}}
                    weibo: {P9: {firstReply: 1h}, P2: {acknowledge: 0s}}
                """));
        assertEquals(List.of(
                "firebreak.yaml:2:31: serviceClocks.P1.reply: unknown clock (expected acknowledge, firstReply, supervisor)",
                "firebreak.yaml:2:20: serviceClocks.P1.firstReply: \"60\" has no unit (use s, m, h or d, e.g. 30m) (or off)",
                "firebreak.yaml:3:7: serviceClocks.P5: unknown key (expected P1, P2, P3, P4, platforms, remindBefore,"
                        + " supervisorLevel, supervisors)",
                "firebreak.yaml:4:17: serviceClocks.remindBefore: expected a duration like 30s, 10m, 2h or 1d, got \"off\"",
                "firebreak.yaml:5:20: serviceClocks.supervisorLevel: expected an escalation level from 1 to 20, got \"0\"",
                "firebreak.yaml:6:17: serviceClocks.supervisors[0]: empty entry",
                "firebreak.yaml:8:13: serviceClocks.platforms.wechat: unknown platform (expected weibo, douyin, xiaohongshu, other)",
                "firebreak.yaml:9:17: serviceClocks.platforms.weibo.P9: unknown severity (expected P1, P2, P3, P4)",
                "firebreak.yaml:9:53: serviceClocks.platforms.weibo.P2.acknowledge: must be longer than 0s (or off)"),
                e.problems());
    }

    @Test
    void theExampleConfigurationNamesTheDemoBrandAndTheDefaultClocks() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("../deploy/firebreak.example.yaml")).replace("./deploy/", "../deploy/");
        FirebreakConfig c = new ConfigLoader(n -> null).parse("firebreak.example.yaml", text);
        assertEquals(Set.of("5968130293"), c.brand().ids().get(Platform.WEIBO));
        for (Severity severity : Severity.values()) {
            for (ClockKind kind : ClockKind.values()) {
                assertEquals(ServiceClockSettings.DEFAULT.targets(severity, Platform.WEIBO).of(kind),
                        c.serviceClocks().targets(severity, Platform.WEIBO).of(kind), severity + " " + kind);
            }
        }
        assertEquals(ServiceClockSettings.DEFAULT.remindBefore(), c.serviceClocks().remindBefore());
        assertEquals(ServiceClockSettings.DEFAULT.supervisorLevel(), c.serviceClocks().supervisorLevel());
    }

    @Test
    void aChangedBrandOrClockNeedsARestart() throws Exception {
        FirebreakConfig before = parse("brand: {accounts: {weibo: {ids: [\"1\"]}}}\n");
        FirebreakConfig after = parse("brand: {accounts: {weibo: {ids: [\"2\"]}}}\nserviceClocks: {P1: {firstReply: 30m}}\n");
        assertEquals(List.of("brand.accounts", "serviceClocks"), ConfigChanges.between(before, after).otherKeys());
        assertEquals(List.of(), ConfigChanges.between(before, parse("brand: {accounts: {weibo: {ids: [\"1\"]}}}\n")).otherKeys());
    }
}
