package dev.firebreak.daemon.fuzz;

import java.util.List;

/** Hostile rule files and configuration files: good ones cut, spliced and filled with hostile values. */
final class FileTexts {
    static final String RULE = """
            escalations:
              chain:
                - {after: 10m, notify: [supervisor]}
            rules:
              - id: refund-watch
                match: 退款 NEAR/5 客服 platform:weibo -好评
                when: {negative: ">= 0.8", author.followers: ">= 1000", escalation.stage: threat}
                severity: P3
                reason: {zh: 退款投诉, en: refund complaints}
                notify: [agents]
                group: story
                cooldown: 30m
                for: 5m
                escalate: chain
                active: {hours: "08:00-22:00", timezone: Asia/Shanghai}
            """;

    static final String CONFIG = """
            dataDir: ./data
            http: {host: 127.0.0.1, port: 8080, publicUrl: "https://firebreak.example.com"}
            redis: {uri: "redis://127.0.0.1:6379"}
            analysis:
              corenlp: false
              corenlpThreads: 2
              corenlpQueue: 20000
            channels:
              - {id: pr-oncall, type: webhook, url: "https://pr.example.com/hooks", secret: "${PR_WHSEC}"}
              - {id: pr-room, type: wecom, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", mobiles: ["13800000000"]}
            connectors:
              - {id: push, type: push, maxBodyBytes: 1048576}
              - id: weibo-brand
                type: weibo
                baseUrl: "https://api.weibo.com"
                accessToken: "${WEIBO_TOKEN}"
                feeds: [mentions, comments-to-me]
                minInterval: 60s
                callsPerHour: 150
            """;

    /** YAML values of every wrong kind, including the ones that attack the YAML reader itself. */
    private static final List<String> YAML_VALUES = List.of("", "~", "null", "[]", "{}", "-1", "0", "1e309",
            "99999999999999999999999", "0x7fffffff", ".nan", ".inf", "-.inf", "yes", "\"\"", "'", "\"", "&a [1]", "*a",
            "*undefined", "!!binary AAAA", "!!java.net.URL [\"http://x\"]", "!custom x", "|", ">", "{a: 1, a: 2}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "\"${UNSET_VARIABLE}\"", "${", "\"\\u0000\"", "\t", "10 minutes", "-5m", "99999999999d", "P1", "p9",
            "\"2026-11-20T10:00:00+08:00\"", "25:99", "Mars/Olympus", "\"" + "长".repeat(2000) + "\"");

    private FileTexts() { }

    /** A rule file or a config: the good text with a value replaced, a line broken, or cut and spliced. */
    static String mangle(Hostile h, String good) {
        String[] lines = good.split("\n", -1);
        int i = h.below(lines.length);
        switch (h.below(6)) {
            case 0, 1 -> {
                int colon = lines[i].indexOf(": ");
                lines[i] = colon < 0 ? lines[i] + " " + h.pick(YAML_VALUES) : lines[i].substring(0, colon + 2) + h.pick(YAML_VALUES);
            }
            case 2 -> lines[i] = lines[i].replaceFirst("[^ ]", h.pick(List.of("\t", " ", "- ", "? ", "%", "@", "`", "\u0000")));
            case 3 -> {
                if (good == RULE) {
                    lines[5] = "    match: " + h.word().replace("\n", " ");
                } else {
                    lines[i] = h.mangle(lines[i]);
                }
            }
            case 4 -> lines[i] = lines[i] + "\n" + lines[i];
            default -> {
                return h.mangle(good);
            }
        }
        return String.join("\n", lines);
    }
}
