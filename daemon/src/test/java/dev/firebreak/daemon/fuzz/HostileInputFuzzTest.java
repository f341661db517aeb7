package dev.firebreak.daemon.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.daemon.config.ConfigError;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import dev.firebreak.rules.file.RuleFileException;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite: generated hostile input (fixed seed) against one real daemon — ingest bodies, query
 * parameters of every read route, rule files through {@code PUT /api/rules/files} — and rule and config
 * texts through their loaders. Asserts no answer of 500 or more, no hang (each call has a deadline), the
 * daemon still healthy at the end, every mention it acknowledged stored exactly once and none it refused
 * stored; every refused file says {@code file:line:col: why}. Prints how many inputs each family had.
 */
class HostileInputFuzzTest {
    static final long SEED = 14;
    static final int TIMEOUT_MS = 10_000;
    private static final Pattern AT = Pattern.compile("fz\\.yaml:\\d+:\\d+: .+", Pattern.DOTALL);

    @TempDir
    Path data;
    @TempDir
    Path rules;

    private final Hostile h = new Hostile(SEED);
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void hostileInputNeverGetsA5xxOrHangsAndNothingIsHalfStored() throws Exception {
        long started = System.nanoTime();
        try (Firebreak app = TestDaemon.withRules(data, rules)) {
            RawHttp http = new RawHttp(app.httpPort(), Http.adminToken(app), TIMEOUT_MS);
            Set<String> stored = new LinkedHashSet<>();
            Set<String> refused = new LinkedHashSet<>();
            timed("ingest", () -> ingest(http, 450, stored, refused));
            timed("query", () -> queries(http, 400));
            timed("rule file (PUT)", () -> ruleFilesOverHttp(http, 150));
            timed("request body", () -> requestBodies(http, 200));
            timed("rule file (loader)", () -> ruleTexts(250));
            timed("config file", () -> configTexts(250));

            assertEquals(200, http.send("GET", "/health", null).status(), "the daemon still answers /health");
            assertEquals(200, http.send("GET", "/ready", null).status(), "and is ready");
            for (String key : stored) {
                long n = app.index().countId(key);
                if (n != 1) failures.add("acknowledged " + key + " is stored " + n + " times");
            }
            for (String key : refused) {
                if (app.index().countId(key) != 0) failures.add("refused " + key + " is stored");
            }
            System.out.printf("fuzz (seed %d): %s = %d inputs in %.1f s (seconds per family: %s); %d mentions acknowledged,"
                    + " %d refused%n", SEED, counts,
                    counts.values().stream().mapToInt(Integer::intValue).sum(), (System.nanoTime() - started) / 1e9,
                    seconds, stored.size(), refused.size());
            System.out.println("fuzz: answers by status per family: " + statuses);
            assertTrue(stored.size() > 20 && refused.size() > 100, "both sides were exercised: " + stored.size() + "/" + refused.size());
        }
        assertEquals(List.of(), failures.subList(0, Math.min(40, failures.size())), failures.size() + " failures");
        assertTrue(counts.values().stream().mapToInt(Integer::intValue).sum() >= 1000, "at least 1,000 inputs: " + counts);
    }

    private final Map<String, String> seconds = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Integer>> statuses = new java.util.TreeMap<>();

    private interface Family {
        void run() throws Exception;
    }

    private void timed(String family, Family f) throws Exception {
        long t0 = System.nanoTime();
        f.run();
        seconds.put(family, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    private void ingest(RawHttp http, int n, Set<String> stored, Set<String> refused) throws Exception {
        IngestBodies bodies = new IngestBodies(h);
        for (int i = 0; i < n; i++) {
            IngestBodies.Body b = bodies.next();
            RawHttp.Reply r = call(http, "ingest", "POST", "/api/ingest", b.json());
            if (r.status() == 200 && b.exact()) {
                int received = new JsonObject(r.body()).getInteger("received");
                if (received != b.elements()) failures.add("ingest: received " + received + " of " + b.elements() + ": " + b.json());
                stored.addAll(b.keys());
            } else if (r.status() >= 400 && r.status() < 500) {
                refused.addAll(b.keys());
            }
        }
    }

    private static final List<String> READS = List.of("/api/mentions?q=&from=&to=&limit=&platform=&sentiment=&emotion=&complaint=",
            "/api/mentions/histogram?q=&from=&to=&buckets=&platform=", "/api/alerts?limit=", "/api/alerts/lifecycles?ids=",
            "/api/alerts/{}/lifecycle", "/api/stories?sort=&limit=", "/api/stories/{}", "/api/stories/{}/mentions?limit=",
            "/api/audit?kind=&limit=", "/api/deliveries?endpoint=&alert=", "/api/rules/changes?limit=", "/api/connectors/{}",
            "/api/silences", "/api/nothing/{}");

    private void queries(RawHttp http, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String template = h.pick(READS);
            StringBuilder target = new StringBuilder();
            for (String part : template.split("(?<==)|(?=\\{\\})|(?<=\\{\\})")) {
                target.append(part.equals("{}") || part.endsWith("=") && h.chance(70) ? value(part) : part);
            }
            call(http, "query", "GET", target.toString().replace("{}", "x"), null);
        }
    }

    /** A parameter value or path segment: well encoded, or written raw (only what keeps the request line one line). */
    private String value(String after) {
        String v = h.word();
        String encoded = h.chance(60) ? URLEncoder.encode(v, StandardCharsets.UTF_8)
                : v.replace(" ", "+").replace("\r", "%0D").replace("\n", "%0A").replace("\u0000", "%00");
        return (after.equals("{}") ? "" : after) + encoded;
    }

    private void ruleFilesOverHttp(RawHttp http, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String text = FileTexts.mangle(h, FileTexts.RULE);
            String body = h.chance(85) ? new JsonObject().put("text", text).put("by", "fuzz").encode()
                    : h.mangle(new JsonObject().put("text", text).encode());
            String file = h.chance(90) ? "fz.yaml" : URLEncoder.encode(h.word(), StandardCharsets.UTF_8);
            call(http, "rule file (PUT)", "PUT", "/api/rules/files/" + file, body);
        }
        call(http, "rule file (PUT)", "DELETE", "/api/rules/files/fz.yaml", null);
    }

    private static final List<String> WRITES = List.of("POST /api/alerts/x/ack", "POST /api/alerts/x/assign",
            "POST /api/alerts/x/resolve", "POST /api/alerts/x/snooze", "POST /api/silences", "POST /api/login",
            "POST /api/users", "POST /api/rules/backtest", "POST /api/rules/changes/1/rollback", "POST /api/subscriptions");
    private static final String WRITE_BODY = "{\"by\":\"li\",\"to\":\"wang\",\"note\":\"done\",\"for\":\"1h\",\"match\":\"退款\","
            + "\"ruleId\":\"r\",\"reason\":\"r\",\"creator\":\"li\",\"expiresIn\":\"2h\",\"token\":\"fbt_x\",\"name\":\"u\","
            + "\"role\":\"agent\",\"since\":\"7d\",\"url\":\"https://127.0.0.1/h\",\"channel\":\"pr-oncall\"}";

    /** The other JSON bodies: every field swapped for a hostile value, or the text cut and spliced. */
    private void requestBodies(RawHttp http, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String[] route = h.pick(WRITES).split(" ");
            String body;
            if (h.chance(30)) {
                body = h.mangle(WRITE_BODY);
            } else {
                JsonObject b = new JsonObject(WRITE_BODY);
                for (String field : List.copyOf(b.fieldNames())) {
                    if (h.chance(40)) b.put(field, io.vertx.core.json.Json.decodeValue(h.pick(Hostile.JSON_VALUES)));
                }
                body = b.encode();
            }
            call(http, "request body", route[0], route[1], body);
        }
    }

    private void ruleTexts(int n) {
        Set<String> channels = RuleSets.channels(AlertingConfig.BUILTIN);
        for (int i = 0; i < n; i++) {
            String text = FileTexts.mangle(h, FileTexts.RULE);
            counts.merge("rule file (loader)", 1, Integer::sum);
            try {
                RuleSets.load(channels, Map.of("fz.yaml", text));
            } catch (RuleFileException e) {
                e.problems().stream().filter(p -> !AT.matcher(p).matches()).findFirst()
                        .ifPresent(p -> failures.add("rule loader: a problem without file:line:col: " + p));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("rule loader threw " + e + " on:\n" + text);
            }
        }
    }

    private void configTexts(int n) {
        for (int i = 0; i < n; i++) {
            String text = FileTexts.mangle(h, FileTexts.CONFIG);
            counts.merge("config file", 1, Integer::sum);
            try {
                new ConfigLoader(name -> name.equals("PR_WHSEC") ? "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" : null)
                        .parse("fz.yaml", text);
            } catch (ConfigError e) {
                e.problems().stream().filter(p -> !AT.matcher(p).matches()).findFirst()
                        .ifPresent(p -> failures.add("config loader: a problem without file:line:col: " + p));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("config loader threw " + e + " on:\n" + text);
            }
        }
    }

    private RawHttp.Reply call(RawHttp http, String family, String method, String target, String body) throws Exception {
        counts.merge(family, 1, Integer::sum);
        RawHttp.Reply r = http.send(method, target, body);
        statuses.computeIfAbsent(family, f -> new java.util.TreeMap<>()).merge(r.status(), 1, Integer::sum);
        if (r.status() >= 500 || r.status() <= 0) {
            failures.add(family + ": " + r.status() + " " + r.body() + " for " + method + " " + shorten(target)
                    + (body == null ? "" : " " + shorten(body)));
        }
        return r;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }

    static {
        // The good texts the mutations start from must themselves be good, or the suite tests little.
        try {
            RuleSets.load(RuleSets.channels(AlertingConfig.BUILTIN), Map.of("fz.yaml", FileTexts.RULE));
            new ConfigLoader(n -> "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").parse("fz.yaml", FileTexts.CONFIG);
        } catch (Exception e) {
            throw new IllegalStateException("a fuzz starting text does not load: " + e, e);
        }
    }
}
