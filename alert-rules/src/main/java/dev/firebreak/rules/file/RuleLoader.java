package dev.firebreak.rules.file;

import dev.firebreak.core.Durations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.firebreak.core.Sentiment;
import dev.firebreak.core.Severity;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.MatchSyntaxException;
import dev.firebreak.rules.RuleVersion;
import dev.firebreak.rules.model.AlertRule;
import dev.firebreak.rules.model.Comparison;
import dev.firebreak.rules.model.EscalationPolicy;
import dev.firebreak.rules.model.EscalationStep;
import dev.firebreak.rules.model.Grouping;
import dev.firebreak.rules.model.Hours;
import dev.firebreak.rules.model.Reason;
import dev.firebreak.rules.model.RuleSet;
import dev.firebreak.rules.model.Silence;
import dev.firebreak.rules.model.Silences;
import dev.firebreak.rules.model.When;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads rule files (given as strings: no I/O here) into a {@link RuleSet}, or refuses them with every
 * problem found, each as {@code file:line:col: message}, sorted by file (in the order given) and position.
 * Rule ids and escalation policy names are global across the files.
 */
public final class RuleLoader {
    public static final List<String> TOP_KEYS = List.of("rules", "escalations");
    public static final List<String> RULE_FIELDS = List.of("id", "match", "when", "severity", "reason", "notify",
            "group", "cooldown", "for", "escalate", "active", "quiet");
    public static final List<String> CONDITIONS;
    private static final List<String> STEP_FIELDS = List.of("after", "notify", "escalate");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * The longest rule file read, in characters. Real ones are a few KB; reading a file of megabytes
     * takes seconds on the rules worker (the YAML reader itself stops at 3 M), so it is refused unread.
     */
    public static final int MAX_FILE_CHARS = 512 * 1024;

    static {
        List<String> c = new ArrayList<>(List.of("label", "negative", "emotion", "complaint", "escalation.stage",
                "escalation.channels"));
        for (When.Field f : When.Field.values()) {
            if (f != When.Field.NEGATIVE && f != When.Field.AUTHOR_FOLLOWERS) c.add(f.key);
        }
        c.addAll(List.of("author.followers", "author.verified", "author.accountType"));
        CONDITIONS = List.copyOf(c);
    }

    private final Set<String> channels;
    private final MatchCompiler compiler;
    private final YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    // per load
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> fileNames = new ArrayList<>();
    private final Map<String, RawPolicy> rawPolicies = new LinkedHashMap<>();
    private final List<RawRule> rawRules = new ArrayList<>();
    private final Map<String, Loc> ruleIds = new HashMap<>();

    /** {@code channels}: the notification channels the daemon knows; rules may name no other. */
    public RuleLoader(Set<String> channels, MatchCompiler compiler) {
        this.channels = Set.copyOf(channels);
        this.compiler = compiler;
    }

    /** The rule files with no silences. */
    public RuleSet load(List<RuleFile> files) throws RuleFileException {
        return load(files, List.of());
    }

    public synchronized RuleSet load(List<RuleFile> files, List<Silence> silences) throws RuleFileException {
        problems.clear();
        fileNames.clear();
        rawPolicies.clear();
        rawRules.clear();
        ruleIds.clear();
        for (RuleFile f : files) {
            fileNames.add(f.name());
            readFile(fileNames.size() - 1, f);
        }
        Map<String, EscalationPolicy> policies = resolvePolicies();
        List<AlertRule> rules = new ArrayList<>();
        for (RawRule r : rawRules) {
            AlertRule rule = finish(r, policies);
            if (rule != null) rules.add(rule);
        }
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt((Problem p) -> p.at.file).thenComparingInt(p -> p.at.line)
                    .thenComparingInt(p -> p.at.col));
            throw new RuleFileException(sorted.stream().map(p -> p.at + ": " + p.message).toList());
        }
        return new RuleSet(rules, policies, Silences.of(silences, compiler), compiler);
    }

    // ---------------------------------------------------------------- files

    private final class Loc {
        final int file;
        final int line;
        final int col;

        Loc(int file, int[] lineCol) {
            this.file = file;
            this.line = lineCol[0];
            this.col = lineCol[1];
        }

        @Override
        public String toString() {
            return fileNames.get(file) + ":" + line + ":" + col;
        }
    }

    private record Problem(Loc at, String message) { }

    /** One file being read: its tree and positions. */
    private final class Doc {
        final int file;
        final YamlPositions positions;

        Doc(int file, YamlPositions positions) {
            this.file = file;
            this.positions = positions;
        }

        Loc value(String pointer) {
            return new Loc(file, positions.value(pointer));
        }

        Loc key(String pointer) {
            return new Loc(file, positions.key(pointer));
        }
    }

    private void problem(Loc at, String message) {
        problems.add(new Problem(at, message));
    }

    private void readFile(int index, RuleFile f) {
        if (f.text().length() > MAX_FILE_CHARS) {
            problem(new Loc(index, new int[] {1, 1}), "the file is " + f.text().length() + " characters long; a rule file"
                    + " may hold at most " + MAX_FILE_CHARS);
            return;
        }
        JsonNode root;
        YamlPositions positions;
        try {
            positions = new YamlPositions(f.text());
            if (!positions.duplicates().isEmpty()) {
                // Refused here, by the key's own position (the strict reader below would name the first only).
                positions.duplicates().forEach(d -> problem(new Loc(index, d.at()),
                        (d.in().isEmpty() ? "" : d.in() + ": ") + "duplicate key \"" + d.key() + "\""));
                return;
            }
            root = yaml.readTree(f.text());
        } catch (IOException e) {
            var loc = e instanceof JsonProcessingException j ? j.getLocation() : null;
            int[] at = loc == null ? new int[] {1, 1} : new int[] {loc.getLineNr(), loc.getColumnNr()};
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            // SnakeYAML's message: what it was doing, where (indented lines), what it found; keep the words.
            String words = String.join("; ", msg.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                    .toList());
            problem(new Loc(index, at), "not valid YAML: " + words);
            return;
        }
        Doc doc = new Doc(index, positions);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problem(doc.value(""), "a rule file is a mapping with " + String.join(" and ", TOP_KEYS));
            return;
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP_KEYS.contains(k)) {
                problem(doc.key(YamlPositions.child("", k)), "unknown top-level key \"" + k + "\" (expected "
                        + String.join(", ", TOP_KEYS) + ")");
            }
        });
        JsonNode policies = root.get("escalations");
        if (policies != null && !policies.isNull()) {
            if (!policies.isObject()) {
                problem(doc.value("/escalations"), "escalations: expected a mapping of policy names to lists of steps");
            } else {
                policies.fields().forEachRemaining(e -> readPolicy(doc, e.getKey(), e.getValue()));
            }
        }
        JsonNode rules = root.get("rules");
        if (rules != null && !rules.isNull()) {
            if (!rules.isArray()) {
                problem(doc.value("/rules"), "rules: expected a list of rules");
            } else {
                for (int i = 0; i < rules.size(); i++) {
                    readRule(doc, i, rules.get(i));
                }
            }
        }
    }

    // ---------------------------------------------------------------- escalation policies

    /** A step as written: after, and either notify or escalate (another policy's name). */
    private record RawStep(Duration after, List<String> channels, String escalate, Loc at, Loc escalateAt) { }

    private record RawPolicy(String name, List<RawStep> steps, Loc at) { }

    private void readPolicy(Doc doc, String name, JsonNode node) {
        String at = YamlPositions.child("/escalations", name);
        String who = "escalation policy \"" + name + "\"";
        if (!ID.matcher(name).matches()) {
            problem(doc.key(at), who + ": a name is letters, digits, \".\", \"_\" or \"-\"");
        }
        if (rawPolicies.containsKey(name)) {
            problem(doc.key(at), "duplicate escalation policy \"" + name + "\" (first defined at "
                    + rawPolicies.get(name).at + ")");
            return;
        }
        List<RawStep> steps = readSteps(doc, at, node, who, "undefined channel \"%s\" used in " + who);
        rawPolicies.put(name, new RawPolicy(name, steps, doc.key(at)));
    }

    /** Steps of a policy or of a rule's own {@code escalate} list; {@code after} must increase. */
    private List<RawStep> readSteps(Doc doc, String at, JsonNode node, String who, String undefinedChannel) {
        List<RawStep> steps = new ArrayList<>();
        if (!node.isArray()) {
            problem(doc.value(at), who + ": expected a list of steps like {after: 15m, notify: [supervisor]}");
            return steps;
        }
        Duration previous = null;
        for (int i = 0; i < node.size(); i++) {
            String sat = at + "/" + i;
            String step = who + ": step " + (i + 1);
            JsonNode s = node.get(i);
            if (!s.isObject()) {
                problem(doc.value(sat), step + ": expected a mapping like {after: 15m, notify: [supervisor]}");
                continue;
            }
            unknownKeys(doc, sat, s, STEP_FIELDS, step + ": unknown field");
            Duration after = duration(doc, sat, s, "after", step, null);
            if (s.get("after") == null) {
                problem(doc.value(sat), step + ": missing after (e.g. after: 15m)");
            }
            JsonNode notify = s.get("notify");
            JsonNode escalate = s.get("escalate");
            List<String> names = null;
            String target = null;
            if (notify != null && escalate != null) {
                problem(doc.value(sat), step + ": give notify or escalate, not both");
            } else if (notify == null && escalate == null) {
                problem(doc.value(sat), step + ": give notify (channels) or escalate (a policy name)");
            } else if (notify != null) {
                names = channelList(doc, sat + "/notify", notify, step + ": notify", undefinedChannel);
            } else if (scalar(escalate) == null) {
                problem(doc.value(sat + "/escalate"), step + ": escalate: expected the name of an escalation policy");
            } else {
                target = scalar(escalate);
            }
            if (after != null) {
                if (previous != null && after.compareTo(previous) <= 0) {
                    problem(doc.value(sat + "/after"), step + ": after " + Durations.format(after)
                            + " does not come after step " + i + " (" + Durations.format(previous) + ")");
                }
                previous = after;
            }
            if (after != null && (names != null || target != null)) {
                steps.add(new RawStep(after, names, target, doc.value(sat), doc.value(sat + "/escalate")));
            }
        }
        return steps;
    }

    private Map<String, EscalationPolicy> resolvePolicies() {
        Set<String> looping = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        for (RawPolicy p : rawPolicies.values()) {
            for (RawStep s : p.steps) {
                if (s.escalate != null && !rawPolicies.containsKey(s.escalate)) {
                    problem(s.escalateAt, "escalation policy \"" + p.name + "\": unknown escalation policy \""
                            + s.escalate + "\"" + known());
                }
            }
        }
        for (RawPolicy p : rawPolicies.values()) {
            for (RawStep s : p.steps) {
                if (s.escalate == null || !rawPolicies.containsKey(s.escalate)) continue;
                List<String> path = pathBack(s.escalate, p.name, new ArrayList<>(List.of(p.name)), new HashSet<>());
                if (path != null) {
                    looping.add(p.name);
                    if (reported.add(new HashSet<>(path))) {
                        problem(s.escalateAt, "escalation policy \"" + p.name + "\" loops back to itself: "
                                + String.join(" -> ", path));
                    }
                }
            }
        }
        Map<String, EscalationPolicy> out = new LinkedHashMap<>();
        for (RawPolicy p : rawPolicies.values()) {
            if (!reachesLoop(p.name, looping, new HashSet<>())) {
                List<EscalationStep> steps = new ArrayList<>();
                flatten(p.steps, Duration.ZERO, steps);
                out.put(p.name, new EscalationPolicy(p.name, steps));
            }
        }
        return out;
    }

    /** The path from {@code from} back to {@code start} (appended to {@code path}), or null. */
    private List<String> pathBack(String from, String start, List<String> path, Set<String> seen) {
        path.add(from);
        if (from.equals(start)) {
            return path;
        }
        if (seen.add(from)) {
            for (RawStep s : rawPolicies.get(from).steps) {
                if (s.escalate != null && rawPolicies.containsKey(s.escalate)) {
                    List<String> found = pathBack(s.escalate, start, path, seen);
                    if (found != null) return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    private boolean reachesLoop(String name, Set<String> looping, Set<String> seen) {
        if (looping.contains(name)) return true;
        if (!seen.add(name) || !rawPolicies.containsKey(name)) return false;
        for (RawStep s : rawPolicies.get(name).steps) {
            if (s.escalate != null && (!rawPolicies.containsKey(s.escalate) || reachesLoop(s.escalate, looping, seen))) {
                return true;
            }
        }
        return false;
    }

    private void flatten(List<RawStep> raw, Duration base, List<EscalationStep> out) {
        for (RawStep s : raw) {
            if (s.channels != null) {
                out.add(new EscalationStep(out.size() + 1, base.plus(s.after), s.channels));
            } else {
                flatten(rawPolicies.get(s.escalate).steps, base.plus(s.after), out);
            }
        }
    }

    private String known() {
        return rawPolicies.isEmpty() ? " (no policies are defined under escalations)"
                : " (known: " + String.join(", ", rawPolicies.keySet()) + ")";
    }

    // ---------------------------------------------------------------- rules

    /** A rule read from its file; finished once every policy is known. */
    private record RawRule(String id, String who, Doc doc, String at, String match, MatchCompiler.Match compiled,
                           When when, Severity severity, Reason reason, List<String> channels, Grouping group,
                           Duration cooldown, Duration forDuration, Hours hours, String policy,
                           List<RawStep> steps, boolean ok) { }

    private void readRule(Doc doc, int index, JsonNode r) {
        String at = "/rules/" + index;
        if (!r.isObject()) {
            problem(doc.value(at), "rules[" + index + "]: expected a mapping with " + String.join(", ", RULE_FIELDS));
            return;
        }
        int before = problems.size();
        String id = scalar(r.get("id"));
        String who = id == null ? "rules[" + index + "]" : "rule \"" + id + "\"";
        if (id == null) {
            problem(doc.value(at), who + ": missing id");
        } else if (!ID.matcher(id).matches()) {
            problem(doc.value(at + "/id"), who + ": id: expected letters, digits, \".\", \"_\" or \"-\", got \"" + id + "\"");
        } else if (ruleIds.containsKey(id)) {
            problem(doc.value(at + "/id"), "duplicate rule id \"" + id + "\" (first defined at " + ruleIds.get(id) + ")");
        } else {
            ruleIds.put(id, doc.value(at + "/id"));
        }
        unknownKeys(doc, at, r, RULE_FIELDS, who + ": unknown field");

        String match = null;
        MatchCompiler.Match compiled = null;
        JsonNode m = r.get("match");
        if (m != null && !m.isNull()) {
            match = scalar(m);
            if (match == null) {
                problem(doc.value(at + "/match"), who + ": match: expected a keyword query like '(退款 OR 售后) AND NOT 广告'");
            } else {
                try {
                    compiled = compiler.compile(match);
                } catch (MatchSyntaxException e) {
                    problem(doc.value(at + "/match"), who + ": match: column " + e.column() + ": " + e.getMessage());
                }
            }
        }
        When when = when(doc, at, r.get("when"), who);
        Severity severity = null;
        String sev = scalar(r.get("severity"));
        if (r.get("severity") == null) {
            problem(doc.value(at), who + ": missing severity (expected one of P1, P2, P3, P4)");
        } else if (sev == null || !List.of("P1", "P2", "P3", "P4").contains(sev)) {
            problem(doc.value(at + "/severity"), who + ": severity: expected one of P1, P2, P3, P4, got "
                    + shown(r.get("severity")));
        } else {
            severity = Severity.valueOf(sev);
        }
        Reason reason = reason(doc, at, r.get("reason"), who);
        List<String> notify = null;
        if (r.get("notify") == null) {
            problem(doc.value(at), who + ": missing notify (channels: " + String.join(", ", new TreeSet<>(channels)) + ")");
        } else {
            notify = channelList(doc, at + "/notify", r.get("notify"), who + ": notify",
                    "undefined channel \"%s\" used in " + who);
        }
        Grouping group = Grouping.STORY;
        String g = scalar(r.get("group"));
        if (r.get("group") != null) {
            try {
                group = Grouping.valueOf(String.valueOf(g).toUpperCase(Locale.ROOT));
                if (!group.wireName().equals(g)) throw new IllegalArgumentException(g);
            } catch (IllegalArgumentException e) {
                problem(doc.value(at + "/group"), who + ": group: expected one of story, author, rule, got "
                        + shown(r.get("group")));
            }
        }
        Duration cooldown = duration(doc, at, r, "cooldown", who, AlertRule.DEFAULT_COOLDOWN);
        Duration forDuration = duration(doc, at, r, "for", who, Duration.ZERO);
        Hours hours = hours(doc, at, r, who);
        String policy = null;
        List<RawStep> steps = null;
        JsonNode esc = r.get("escalate");
        if (esc != null && !esc.isNull()) {
            if (esc.isArray()) {
                steps = readSteps(doc, at + "/escalate", esc, who + ": escalate", "undefined channel \"%s\" used in " + who);
            } else if (scalar(esc) != null) {
                policy = scalar(esc);
            } else {
                problem(doc.value(at + "/escalate"), who + ": escalate: expected a policy name or a list of steps");
            }
        }
        rawRules.add(new RawRule(id, who, doc, at, match, compiled, when, severity, reason, notify, group, cooldown,
                forDuration, hours, policy, steps, problems.size() == before));
    }

    private AlertRule finish(RawRule r, Map<String, EscalationPolicy> policies) {
        EscalationPolicy escalation = null;
        String escalateCanonical = "none";
        if (r.policy != null) {
            if (!rawPolicies.containsKey(r.policy)) {
                problem(r.doc.value(r.at + "/escalate"), r.who + ": escalate: unknown escalation policy \"" + r.policy
                        + "\"" + known());
                return null;
            }
            escalation = policies.get(r.policy);
            escalateCanonical = "policy " + r.policy;
        } else if (r.steps != null) {
            for (RawStep s : r.steps) {
                if (s.escalate != null && !rawPolicies.containsKey(s.escalate)) {
                    problem(s.escalateAt, r.who + ": escalate: unknown escalation policy \"" + s.escalate + "\"" + known());
                    return null;
                }
                if (s.escalate != null && !policies.containsKey(s.escalate)) {
                    return null;    // it loops: reported with the policy
                }
            }
            List<EscalationStep> flat = new ArrayList<>();
            flatten(r.steps, Duration.ZERO, flat);
            escalation = new EscalationPolicy("rule:" + r.id, flat);
            StringBuilder c = new StringBuilder("steps");
            for (RawStep s : r.steps) {
                c.append(' ').append(s.after.getSeconds()).append("s ")
                        .append(s.channels != null ? "notify " + String.join(",", new TreeSet<>(s.channels)) : "escalate " + s.escalate)
                        .append(';');
            }
            escalateCanonical = c.toString();
        }
        if (!r.ok) {
            return null;
        }
        String canonical = "id=" + r.id
                + "\nmatch=" + (r.match == null ? "" : normaliseQuery(r.match))
                + "\nwhen=" + r.when.canonical()
                + "\nseverity=" + r.severity
                + "\nreason." + r.reason.canonical()
                + "\nnotify=" + String.join(",", new TreeSet<>(r.channels))
                + "\ngroup=" + r.group.wireName()
                + "\ncooldown=" + r.cooldown.getSeconds() + "s"
                + "\nfor=" + r.forDuration.getSeconds() + "s"
                + "\nescalate=" + escalateCanonical
                + "\nhours=" + (r.hours == null ? "always" : r.hours.canonical()) + "\n";
        return new AlertRule(r.id, RuleVersion.of(canonical), canonical, r.match, r.compiled, r.when, r.severity,
                r.reason, r.channels, r.group, r.cooldown, r.forDuration, escalation, r.hours,
                r.doc.value(r.at).toString());
    }

    /** Runs of white space outside double quotes read as one space. */
    static String normaliseQuery(String q) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        boolean space = false;
        for (char c : q.strip().toCharArray()) {
            if (!quoted && Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (c == '"') quoted = !quoted;
            out.append(c);
        }
        return out.toString();
    }

    private When when(Doc doc, String ruleAt, JsonNode node, String who) {
        if (node == null || node.isNull()) {
            return When.always();
        }
        String at = ruleAt + "/when";
        if (!node.isObject()) {
            problem(doc.value(at), who + ": when: expected a mapping of conditions like {label: negative}");
            return When.always();
        }
        // dotted keys (story.reach) and nested ones (story: {reach: ...}) alike
        Map<String, String> flat = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(k -> {
            JsonNode v = node.get(k);
            if (v.isObject() && List.of("story", "author", "escalation").contains(k)) {
                v.fieldNames().forEachRemaining(k2 -> flat.put(k + "." + k2, YamlPositions.child(YamlPositions.child(at, k), k2)));
            } else {
                flat.put(k, YamlPositions.child(at, k));
            }
        });
        Sentiment label = null;
        record Cmp(When.Field field, Comparison comparison) { }
        List<Cmp> comparisons = new ArrayList<>();
        Set<String> emotions = null;
        Set<String> complaints = null;
        String stage = null;
        Set<String> escalationChannels = null;
        Boolean verified = null;
        Set<String> accountTypes = null;
        for (var e : flat.entrySet()) {
            String key = e.getKey();
            String ptr = e.getValue();
            JsonNode v = node.at(ptr.substring(at.length()));
            String name = who + ": when." + key;
            When.Field field = When.Field.of(key);
            if (field != null) {
                String text = scalar(v);
                Comparison c = v.isTextual() ? Comparison.parse(text) : null;
                if (c != null) {
                    comparisons.add(new Cmp(field, c));
                } else if (v.isNumber()) {
                    problem(doc.value(ptr), name + ": expected a comparison in quotes, got " + text
                            + " (write \">= " + text + "\" or \"== " + text + "\")");
                } else {
                    problem(doc.value(ptr), name + ": expected a comparison like \">= 100000\", \"> 3\" or \"< 0.5\", got "
                            + shown(v));
                }
                continue;
            }
            switch (key) {
                case "label" -> {
                    String text = scalar(v);
                    if (text != null && When.LABELS.contains(text)) {
                        label = Sentiment.valueOf(text.toUpperCase(Locale.ROOT));
                    } else {
                        problem(doc.value(ptr), name + ": expected one of " + String.join(", ", When.LABELS) + ", got " + shown(v));
                    }
                }
                case "emotion" -> emotions = anyOf(doc, ptr, v, name, "emotion", When.EMOTIONS);
                case "complaint" -> complaints = anyOf(doc, ptr, v, name, "complaint", When.COMPLAINTS);
                case "escalation.channels" -> escalationChannels = anyOf(doc, ptr, v, name, "channel", When.CHANNELS);
                case "author.accountType" -> accountTypes = anyOf(doc, ptr, v, name, "account type", When.ACCOUNT_TYPES);
                case "escalation.stage" -> {
                    String text = scalar(v);
                    if (text != null && When.STAGES.contains(text)) {
                        stage = text;
                    } else {
                        problem(doc.value(ptr), name + ": expected one of " + String.join(", ", When.STAGES) + ", got " + shown(v));
                    }
                }
                case "author.verified" -> {
                    if (v.isBoolean()) {
                        verified = v.booleanValue();
                    } else {
                        problem(doc.value(ptr), name + ": expected true or false, got " + shown(v));
                    }
                }
                default -> problem(doc.key(ptr), who + ": when: unknown condition \"" + key + "\" (expected "
                        + String.join(", ", CONDITIONS) + ")");
            }
        }
        comparisons.sort(Comparator.comparing((Cmp c) -> c.field.key).thenComparing(c -> c.comparison.canonical()));
        return new When(label, comparisons.stream().map(Cmp::field).toList(),
                comparisons.stream().map(Cmp::comparison).toList(), emotions, complaints, stage, escalationChannels,
                verified, accountTypes);
    }

    /** A value or list of values, each one of {@code allowed}: "any of". */
    private Set<String> anyOf(Doc doc, String at, JsonNode v, String name, String what, List<String> allowed) {
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String text = scalar(items.get(i));
            if (text != null && allowed.contains(text)) {
                out.add(text);
            } else {
                problem(doc.value(v.isArray() ? at + "/" + i : at), name + ": unknown " + what + " " + shown(items.get(i))
                        + " (expected " + String.join(", ", allowed) + ")");
            }
        }
        if (items.isEmpty()) {
            problem(doc.value(at), name + ": expected at least one " + what);
        }
        return out;
    }

    private List<String> channelList(Doc doc, String at, JsonNode v, String name, String undefined) {
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String ptr = v.isArray() ? at + "/" + i : at;
            String c = scalar(items.get(i));
            if (c == null) {
                problem(doc.value(ptr), name + ": expected a channel name, got " + shown(items.get(i)));
            } else if (!channels.contains(c)) {
                problem(doc.value(ptr), String.format(Locale.ROOT, undefined, c));
            } else if (!out.contains(c)) {
                out.add(c);
            }
        }
        if (items.isEmpty()) {
            problem(doc.value(at), name + ": expected at least one channel");
        }
        return out;
    }

    private Reason reason(Doc doc, String ruleAt, JsonNode v, String who) {
        if (v == null || v.isNull()) {
            return Reason.of("规则 {rule} 触发：{author}", "rule {rule} fired on {author}");
        }
        String at = ruleAt + "/reason";
        String zh = null;
        String en = null;
        if (v.isObject()) {
            unknownKeys(doc, at, v, List.of("zh", "en"), who + ": reason: unknown language");
            zh = template(doc, at + "/zh", v.get("zh"), who + ": reason.zh");
            en = template(doc, at + "/en", v.get("en"), who + ": reason.en");
            if (zh == null && en == null) {
                problem(doc.value(at), who + ": reason: give zh, en or both");
                return Reason.of("{rule}", null);
            }
        } else {
            zh = template(doc, at, v, who + ": reason");
        }
        return Reason.of(zh, en);
    }

    private String template(Doc doc, String at, JsonNode v, String name) {
        if (v == null || v.isNull()) {
            return null;
        }
        String text = scalar(v);
        if (text == null) {
            problem(doc.value(at), name + ": expected text");
            return null;
        }
        for (String unknown : Reason.unknownPlaceholders(text)) {
            problem(doc.value(at), name + ": unknown placeholder \"{" + unknown + "}\" (expected "
                    + String.join(", ", Reason.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()) + ")");
        }
        return text;
    }

    private Hours hours(Doc doc, String at, JsonNode r, String who) {
        JsonNode active = r.get("active");
        JsonNode quiet = r.get("quiet");
        if (active != null && quiet != null) {
            problem(doc.key(at + "/quiet"), who + ": give active or quiet, not both");
            return null;
        }
        JsonNode v = active != null ? active : quiet;
        if (v == null || v.isNull()) {
            return null;
        }
        String key = active != null ? "active" : "quiet";
        String ptr = at + "/" + key;
        String window;
        String windowPtr = ptr;
        ZoneId zone = Hours.DEFAULT_ZONE;
        if (v.isObject()) {
            unknownKeys(doc, ptr, v, List.of("hours", "timezone"), who + ": " + key + ": unknown field");
            window = scalar(v.get("hours"));
            windowPtr = ptr + "/hours";
            if (v.get("hours") == null) {
                problem(doc.value(ptr), who + ": " + key + ": missing hours (e.g. hours: \"08:00-22:00\")");
                return null;
            }
            String tz = scalar(v.get("timezone"));
            if (v.get("timezone") != null) {
                try {
                    zone = ZoneId.of(String.valueOf(tz));
                } catch (DateTimeException e) {
                    problem(doc.value(ptr + "/timezone"), who + ": " + key + ".timezone: unknown time zone "
                            + shown(v.get("timezone")) + " (e.g. Asia/Shanghai)");
                    zone = null;
                }
            }
        } else {
            window = scalar(v);
        }
        String name = who + ": " + key + (v.isObject() ? ".hours" : "");
        int[] w = window == null ? null : Hours.parseWindow(window);
        if (w == null) {
            problem(doc.value(windowPtr), name + ": expected a window like \"08:00-22:00\", got "
                    + shown(v.isObject() ? v.get("hours") : v));
            return null;
        }
        if (w[0] == w[1]) {
            problem(doc.value(windowPtr), name + ": the window \"" + window + "\" is empty");
            return null;
        }
        return zone == null ? null : new Hours(key.equals("quiet"), w[0], w[1], zone);
    }

    private Duration duration(Doc doc, String at, JsonNode parent, String key, String who, Duration fallback) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        String text = scalar(v);
        Duration d = text == null ? null : Durations.parse(text);
        if (d == null) {
            problem(doc.value(YamlPositions.child(at, key)), who + ": " + key + ": "
                    + (text == null ? "expected a duration like 30s, 10m, 2h or 1d" : Durations.problem(text)));
            return fallback;
        }
        return d;
    }

    private void unknownKeys(Doc doc, String at, JsonNode node, List<String> allowed, String what) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problem(doc.key(YamlPositions.child(at, k)), what + " \"" + k + "\" (expected " + String.join(", ", allowed) + ")");
            }
        });
    }

    /** The text of a scalar (numbers and booleans as written), or null for a list, mapping or null. */
    private static String scalar(JsonNode n) {
        return n == null || n.isContainerNode() || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    /** A value as an error message shows it: text quoted, a list or mapping by its kind. */
    private static String shown(JsonNode n) {
        if (n == null || n.isNull()) return "nothing";
        if (n.isArray()) return "a list";
        if (n.isObject()) return "a mapping";
        return n.isTextual() ? "\"" + n.asText() + "\"" : n.asText();
    }
}
