package dev.firebreak.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.delivery.ChannelConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    @Test
    void aBadFileIsRefusedWithEveryProblemAndWhereItIs() throws Exception {
        Path bad = Path.of(getClass().getResource("/config/bad.yaml").toURI());
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(name -> null).read(bad));
        assertEquals(List.of(
                "bad.yaml:17:13: ${FIREBREAK_TEST_UNSET_VAR} is not set in the environment",
                "bad.yaml:5:9: colour: unknown key (expected analysis, brand, channels, connectors, dataDir, http, logging, redis, rules, serviceClocks)",
                "bad.yaml:2:14: http.port: expected a number from 0 to 65535, got \"99999\"",
                "bad.yaml:4:8: redis.uri: expected redis://host:port or rediss://..., got \"http://***@localhost:6379\"",
                "bad.yaml:8:11: connectors[0].type: unknown type \"weibo2\" (expected weibo, douyin, xiaohongshu, xiaohongshu-import, replay, push)",
                "bad.yaml:11:11: connectors[1].path: Invalid value /no/such/file.jsonl for configuration path: no such file",
                "bad.yaml:12:9: connectors[2].id: duplicate connector id \"backfill\"",
                "bad.yaml:14:19: connectors[2].maxBodyBytes: Invalid value -3 for configuration maxBodyBytes:"
                        + " must be a positive whole number",
                "bad.yaml:17:12: connectors[3].token: unknown configuration key \"token\" for push connector \"tokens\""
                        + " (it takes: maxBodyBytes)",
                "bad.yaml:19:11: analysis.brands: cannot read file \"/no/such/brands.txt\"",
                "bad.yaml:20:12: analysis.corenlp: expected true or false, got \"yes\"",
                "bad.yaml:21:19: analysis.corenlpThreads: expected a number from 1 to 64, got \"0\""), e.problems());
        assertFalse(String.join("\n", e.problems()).contains("hunter2"), "a password must never be shown");
    }

    @Test
    void loggingKeysAreReadWithTextAndInfoByDefault() throws Exception {
        assertEquals(LoggingConfig.DEFAULT, new ConfigLoader(n -> null).parse("f.yaml", "http: {port: 9090}\n").logging());
        FirebreakConfig c = new ConfigLoader(n -> null).parse("f.yaml", """
                logging:
                  format: json
                  level: debug
                  levels: {edu.stanford: info, io.netty: error}
                """);
        assertEquals(new LoggingConfig(LoggingConfig.Format.JSON, "debug", Map.of("edu.stanford", "info", "io.netty", "error")),
                c.logging());
    }

    @Test
    void loggingMistakesSayWhere() {
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(n -> null).parse("firebreak.yaml", """
                logging:
                  format: xml
                  level: loud
                  levels: {edu.stanford: chatty}
                  colour: true
                """));
        assertEquals(List.of(
                "firebreak.yaml:5:11: logging.colour: unknown key (expected format, level, levels)",
                "firebreak.yaml:2:11: logging.format: expected text or json, got \"xml\"",
                "firebreak.yaml:3:10: logging.level: expected one of trace, debug, info, warn, error, off, got \"loud\"",
                "firebreak.yaml:4:26: logging.levels.edu.stanford: expected one of trace, debug, info, warn, error, off, got \"chatty\""),
                e.problems());
    }

    @Test
    void aDuplicateKeyIsRefusedWhereItIsRepeated() {
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(n -> null).parse("firebreak.yaml", """
                http:
                  port: 9090
                redis: {uri: "redis://localhost:6379"}
                http:
                  port: 9091
                  host: 0.0.0.0
                  port: 9092
                connectors:
                  - {id: p, type: push, id: q}
                """));
        assertEquals(List.of(
                "firebreak.yaml:4:1: duplicate key \"http\"",
                "firebreak.yaml:7:3: http: duplicate key \"port\"",
                "firebreak.yaml:9:25: connectors[0]: duplicate key \"id\""), e.problems());
    }

    @Test
    void rulesFolderAndChannels() throws Exception {
        FirebreakConfig c = new ConfigLoader(n -> null).parse("f.yaml",
                "rules: .\nchannels:\n  - {id: pr-room, type: wecom, url: \"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\"}\n");
        assertEquals(Path.of("."), c.alerting().rulesDir());
        assertEquals(List.of("pr-room"), c.alerting().channels());
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(n -> null).parse("f.yaml",
                "rules: ./no-such-folder\nchannels:\n  - {id: pr-room, type: wecom, url: \"https://qyapi.weixin.qq.com/x\"}\n"
                        + "  - {id: pr-room, type: webhook}\n  - {type: webhook}\n"));
        String all = String.join("\n", e.problems());
        assertEquals(3, e.problems().size(), all);
        assertTrue(all.contains("rules: \"./no-such-folder\" is not a folder of rule files"), all);
        assertTrue(all.contains("channels[1].id: duplicate channel id \"pr-room\""), all);
        assertTrue(all.contains("channels[2].id: every channel needs an id"), all);
    }

    @Test
    void publicUrlIsTheBaseOfAcknowledgeLinks() throws Exception {
        assertEquals("https://firebreak.example.com", new ConfigLoader(n -> null)
                .parse("f.yaml", "http: {port: 9090, publicUrl: \"https://firebreak.example.com\"}\n").publicUrl());
        assertEquals("http://localhost:9090", new ConfigLoader(n -> null)
                .parse("f.yaml", "http: {host: 0.0.0.0, port: 9090}\n").publicUrl(), "left out: the daemon's own address");
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(n -> null)
                .parse("f.yaml", "http: {publicUrl: firebreak.example.com}\n"));
        assertEquals(List.of("f.yaml:1:19: http.publicUrl: expected the console's address like https://firebreak.example.com,"
                + " got \"firebreak.example.com\""), e.problems());
    }

    @Test
    void channelsBecomeChannelConfigs() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        FirebreakConfig c = new ConfigLoader(Map.of("PR_WHSEC", secret)::get).parse("f.yaml", """
                channels:
                  - {id: pr-oncall, type: webhook, url: "https://pr.example.com/hooks", secret: "${PR_WHSEC}"}
                  - {id: pr-room, type: wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", mobiles: ["13800000000"]}
                  - {id: ding, type: dingtalk, url: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: SECabc, perMinute: 10}
                  - {id: fs, type: feishu, url: "https://open.feishu.cn/open-apis/bot/v2/hook/x", secret: s}
                  - {id: lab, type: webhook, url: "http://10.0.0.5/h", secrets: ["whsec_AAAA", "whsec_BBBB"], allowPrivate: true}
                """);
        List<ChannelConfig> channels = c.alerting().channelConfigs();
        assertEquals(List.of("pr-oncall", "pr-room", "ding", "fs", "lab"), c.alerting().channels());
        assertEquals(new ChannelConfig("pr-oncall", "webhook", "https://pr.example.com/hooks", List.of(secret), List.of(),
                Integer.MAX_VALUE, false), channels.get(0));
        assertEquals(List.of("13800000000"), channels.get(1).mobiles());
        assertEquals(20, channels.get(1).perMinute(), "robots default to 20 a minute");
        assertEquals(10, channels.get(2).perMinute());
        assertEquals(100, channels.get(3).perMinute(), "feishu defaults to 100");
        assertEquals(List.of("whsec_AAAA", "whsec_BBBB"), channels.get(4).secrets());
        assertTrue(channels.get(4).allowPrivate());
    }

    @Test
    void channelMistakesSayWhereAndNeverShowASecret() {
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(n -> null).parse("f.yaml", """
                channels:
                  - {id: a, type: slack, url: "https://x.example.com"}
                  - {id: b, type: webhook, url: "ftp://x.example.com/h", secret: "whsec_AAAA"}
                  - {id: c, type: webhook, url: "https://x.example.com/h", secret: "hunter2-very-secret"}
                  - {id: d, type: webhook, url: "http://127.0.0.1:9000/h", secret: "whsec_AAAA"}
                  - {id: e, type: wecom, url: "https://q.example.com", perMinute: 0}
                  - {id: f, type: webhook, url: "https://x.example.com/h"}
                """));
        assertEquals(List.of(
                "f.yaml:2:19: channels[0].type: unknown type \"slack\" (expected webhook, wecom, dingtalk, feishu)",
                "f.yaml:3:33: channels[1].url: expected an http:// or https:// URL, got ftp://",
                "f.yaml:4:68: channels[2].secret: Invalid value …cret for configuration secret: a webhook secret is whsec_"
                        + " followed by base64",
                "f.yaml:5:33: channels[3].url: refused: 127.0.0.1 is a loopback address (an admin may allow private"
                        + " addresses for this channel with allowPrivate: true)",
                "f.yaml:6:67: channels[4].perMinute: Invalid value 0 for configuration perMinute: must be a whole number"
                        + " of messages, at least 1",
                "f.yaml:7:5: channels[5].secret: a webhook channel needs a whsec_ secret to sign with"), e.problems());
        assertFalse(String.join("\n", e.problems()).contains("hunter2"));
    }

    @Test
    void variablesInCommentsAreLeftAlone() throws Exception {
        FirebreakConfig c = new ConfigLoader(name -> null).parse("f.yaml",
                "# ${UNSET} expands\nconnectors:\n  - {id: in, type: push}   # token: ${ALSO_UNSET}\n"
                        + "  # - {id: w, type: weibo, accessToken: \"${WEIBO_TOKEN}\"}\n");
        assertEquals("push", c.connectors().get(0).type());
    }

    @Test
    void expandsEnvironmentVariablesAndFillsDefaults() throws Exception {
        FirebreakConfig c = new ConfigLoader(Map.of("PORT", "9090")::get).parse("f.yaml",
                "http: {port: ${PORT}}\nconnectors:\n  - {id: in, type: push}\n");
        assertEquals(9090, c.httpPort());
        assertEquals("127.0.0.1", c.httpHost());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals(null, c.redisUri());
        assertEquals("push", c.connectors().get(0).type());
        assertEquals(AlertingConfig.BUILTIN, c.alerting());
    }

    @Test
    void notYamlSaysWhere() {
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(n -> null).parse("f.yaml", "http: [1,\n"));
        assertEquals(1, e.problems().size());
        assertEquals(true, e.problems().get(0).startsWith("f.yaml:"), e.problems().get(0));
        assertEquals(true, e.problems().get(0).contains("not valid YAML"), e.problems().get(0));
    }

    @Test
    void platformConnectorMistakesNameTheKeyAndNeverShowASecret() throws Exception {
        Path bad = Path.of(getClass().getResource("/config/weibo-bad.yaml").toURI());
        ConfigError e = assertThrows(ConfigError.class, () -> new ConfigLoader(name -> null).read(bad));
        assertEquals(List.of(
                "weibo-bad.yaml:5:12: connectors[0].feeds: Invalid value [mentions, hot-search] for configuration feeds:"
                        + " unknown feed \"hot-search\" (expected mentions, comment-mentions, comments-to-me, reposts)",
                "weibo-bad.yaml:9:14: connectors[1].baseUrl: Invalid value https://api.weibo.com/?… for configuration"
                        + " baseUrl: must be an http:// or https:// URL without a query string",
                "weibo-bad.yaml:13:18: connectors[2].accessToken: Invalid value (empty) for configuration accessToken:"
                        + " must not be empty (set it in the file or through ${ENV_VAR})"), e.problems());
        String all = String.join("\n", e.problems());
        assertFalse(all.contains("very-secret") || all.contains("leaky"), "a secret is shown: " + all);
    }

    @Test
    void theExampleConfigurationReadsWithEveryConnectorSwitchedOn() throws Exception {
        Path example = Path.of("../deploy/firebreak.example.yaml");
        String text = java.nio.file.Files.readString(example)
                .replaceAll("(?m)^  # - ", "  - ").replaceAll("(?m)^  #   ", "    ")
                .replace("./deploy/demo/mentions.jsonl", "../deploy/demo/mentions.jsonl")
                .replace("./xhs_notes.jsonl", "../deploy/demo/mentions.jsonl")
                .replace("./deploy/brands.txt", "../deploy/brands.txt");
        FirebreakConfig c = new ConfigLoader(name -> "value-of-" + name).parse("firebreak.example.yaml", text);
        assertEquals(List.of("replay", "push", "weibo", "douyin", "xiaohongshu", "xiaohongshu-import"),
                c.connectors().stream().map(x -> x.type()).toList());
        assertEquals(new AnalysisConfig(null, Path.of("../deploy/brands.txt"), true, 2, 20_000), c.analysis());
        // As shipped (connectors commented out), no ${VAR} in a comment is asked of the environment.
        String asShipped = java.nio.file.Files.readString(example)
                .replace("./deploy/", "../deploy/");
        assertEquals(2, new ConfigLoader(name -> null).parse("firebreak.example.yaml", asShipped).connectors().size());
    }
}
