package dev.firebreak.daemon.config;

import dev.firebreak.delivery.ChannelConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.firebreak.connect.api.ConfigException;
import dev.firebreak.connect.api.ConnectorConfig;
import dev.firebreak.connect.api.ConnectorTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code firebreak.yaml}: expands {@code ${ENV_VAR}}, checks every key, and refuses the file
 * with every problem found, each as {@code file:line:col: path: message}.
 */
public final class ConfigLoader {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> TOP = Set.of("dataDir", "http", "redis", "connectors", "rules", "channels", "analysis",
            "logging", "brand", "serviceClocks");

    private final UnaryOperator<String> env;
    private final List<String> problems = new ArrayList<>();
    private String file;
    private YamlLocations locations;

    public ConfigLoader(UnaryOperator<String> env) {
        this.env = env;
    }

    public static FirebreakConfig load(Path path) throws ConfigError {
        return new ConfigLoader(System::getenv).read(path);
    }

    public FirebreakConfig read(Path path) throws ConfigError {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigError(List.of(path + ": cannot read the configuration file: " + e.getMessage()));
        }
        return parse(path.getFileName().toString(), text);
    }

    public FirebreakConfig parse(String fileName, String yaml) throws ConfigError {
        this.file = fileName;
        String expanded = expand(yaml);
        JsonNode root;
        try {
            locations = new YamlLocations(expanded);
            root = new YAMLMapper().readTree(expanded);
            locations.duplicates().forEach(d -> problems.add(file + ":" + d));
        } catch (IOException e) {
            var loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            String where = loc == null ? "1:1" : loc.getLineNr() + ":" + loc.getColumnNr();
            throw new ConfigError(List.of(file + ":" + where + ": not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = new YAMLMapper().createObjectNode();
        }
        if (!root.isObject()) {
            throw new ConfigError(List.of(file + ":1:1: the configuration must be a mapping of keys"));
        }
        knownKeys(root, "", TOP);
        Path dataDir = Path.of(text(root, "/dataDir", "./data"));
        JsonNode http = object(root, "/http", Set.of("host", "port", "publicUrl"));
        String host = text(http, "/http/host", FirebreakConfig.DEFAULT_HOST);
        int port = (int) number(http, "/http/port", FirebreakConfig.DEFAULT_PORT, 0, 65535);
        String publicUrl = text(http, "/http/publicUrl", null);
        if (publicUrl != null && !publicUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
            problem("/http/publicUrl", "http.publicUrl: expected the console's address like https://firebreak.example.com, got \""
                    + publicUrl + "\"");
        }
        JsonNode redis = object(root, "/redis", Set.of("uri"));
        String uri = text(redis, "/redis/uri", null);
        if (uri != null && !uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            problem("/redis/uri", "redis.uri: expected redis://host:port or rediss://..., got \""
                    + dev.firebreak.state.redis.RedisService.masked(uri) + "\"");
        }
        AlertingConfig alerting = alerting(root);
        List<ConnectorConfig> connectors = connectors(root.get("connectors"));
        AnalysisConfig analysis = analysis(object(root, "/analysis",
                Set.of("model", "brands", "corenlp", "corenlpThreads", "corenlpQueue")));
        LoggingConfig logging = new LoggingReader(this::problem).read(object(root, "/logging", Set.of("format", "level", "levels")));
        var brand = new BrandReader(this::problem).read(section(root, "/brand"));
        var clocks = new ServiceClockReader(this::problem).read(section(root, "/serviceClocks"));
        if (!problems.isEmpty()) {
            throw new ConfigError(problems);
        }
        return new FirebreakConfig(dataDir, host, port, uri, connectors, alerting, analysis, publicUrl, logging, brand, clocks);
    }

    /** {@code rules: DIR} and {@code channels: [{id, type, ...}]} (delivery is configured per channel). */
    private AlertingConfig alerting(JsonNode root) {
        String rules = text(root, "/rules", null);
        Path rulesDir = rules == null ? null : Path.of(rules);
        if (rulesDir != null && !Files.isDirectory(rulesDir)) {
            problem("/rules", "rules: \"" + rules + "\" is not a folder of rule files");
        }
        List<ChannelConfig> channels = new ChannelReader(this::problem).read(root.get("channels"));
        return new AlertingConfig(rulesDir, channels.stream().map(ChannelConfig::id).toList(), channels);
    }

    private AnalysisConfig analysis(JsonNode node) {
        Path model = readableFile(node, "/analysis/model");
        Path brands = readableFile(node, "/analysis/brands");
        JsonNode corenlp = node.get("corenlp");
        if (corenlp != null && !corenlp.isBoolean()) {
            problem("/analysis/corenlp", "analysis.corenlp: expected true or false, got \"" + corenlp.asText() + "\"");
        }
        int threads = (int) number(node, "/analysis/corenlpThreads", AnalysisConfig.DEFAULT_THREADS, 1, 64);
        int queue = (int) number(node, "/analysis/corenlpQueue", AnalysisConfig.DEFAULT_QUEUE, 1, 10_000_000);
        return new AnalysisConfig(model, brands, corenlp == null || corenlp.asBoolean(true), threads, queue);
    }

    private Path readableFile(JsonNode node, String at) {
        String value = text(node, at, null);
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problem(at, at.substring(1).replace('/', '.') + ": cannot read file \"" + value + "\"");
        }
        return path;
    }

    private List<ConnectorConfig> connectors(JsonNode list) {
        List<ConnectorConfig> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problem("/connectors", "connectors: expected a list of connectors");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/connectors/" + i;
            String name = "connectors[" + i + "]";
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                problem(at, name + ": expected a mapping with id and type");
                continue;
            }
            String id = c.path("id").asText(null);
            String type = c.path("type").asText(null);
            if (id == null || id.isBlank()) {
                problem(at, name + ": missing id");
                continue;
            }
            if (!ids.add(id)) {
                problem(at + "/id", name + ".id: duplicate connector id \"" + id + "\"");
            }
            if (type == null) {
                problem(at, name + ": missing type (expected " + ConnectorTypes.known() + ")");
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            c.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("id") && !e.getKey().equals("type")) {
                    values.put(e.getKey(), connectorValue(e.getValue()));
                }
            });
            ConnectorConfig config = new ConnectorConfig(id, type, values);
            try {
                ConnectorTypes.create(config);
                out.add(config);
            } catch (ConfigException e) {
                String key = e.getMessage().startsWith("unknown type") ? "type" : keyNamed(e.getMessage(), values);
                problem(key == null ? at : at + "/" + key, name + (key == null ? "" : "." + key) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A connector setting as the connector reads it: a number, a list of strings (keywords), or text. */
    private static Object connectorValue(JsonNode v) {
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return items;
        }
        return v.asText();
    }

    /** The configuration key a connector's message is about, so the error points at its line. */
    private static String keyNamed(String message, Map<String, Object> values) {
        for (String key : values.keySet()) {
            if (message.contains("configuration " + key + ":") || message.contains("\"" + key + "\"")) {
                return key;
            }
        }
        return null;
    }

    private String expand(String yaml) {
        Matcher m = ENV.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (inComment(yaml, m.start())) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String value = env.apply(m.group(1));
            if (value == null) {
                String before = yaml.substring(0, m.start());
                int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
                int col = m.start() - before.lastIndexOf('\n');
                problems.add(file + ":" + line + ":" + col + ": ${" + m.group(1) + "} is not set in the environment");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code pos} is in a YAML comment: after a {@code #} that starts a line or follows a space, outside quotes. */
    static boolean inComment(String yaml, int pos) {
        char quote = 0;
        for (int i = yaml.lastIndexOf('\n', pos - 1) + 1; i < pos; i++) {
            char c = yaml.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || yaml.charAt(i - 1) == ' ' || yaml.charAt(i - 1) == '\t'
                    || yaml.charAt(i - 1) == '\n')) {
                return true;
            }
        }
        return false;
    }

    private void knownKeys(JsonNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                String path = at.isEmpty() ? k : at.substring(1).replace('/', '.') + "." + k;
                problem(at + "/" + k, path + ": unknown key (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private JsonNode object(JsonNode root, String at, Set<String> allowed) {
        JsonNode n = root.at(at);
        if (n.isMissingNode() || n.isNull()) {
            return new YAMLMapper().createObjectNode();
        }
        if (!n.isObject()) {
            problem(at, at.substring(1) + ": expected a mapping");
            return new YAMLMapper().createObjectNode();
        }
        knownKeys(n, at, allowed);
        return n;
    }

    /** A mapping whose keys its reader checks itself (an empty one when absent). */
    private JsonNode section(JsonNode root, String at) {
        JsonNode n = root.at(at);
        if (n.isMissingNode() || n.isNull()) return new YAMLMapper().createObjectNode();
        if (!n.isObject()) {
            problem(at, at.substring(1) + ": expected a mapping");
            return new YAMLMapper().createObjectNode();
        }
        return n;
    }

    private String text(JsonNode node, String at, String fallback) {
        JsonNode n = node.get(at.substring(at.lastIndexOf('/') + 1));
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private double number(JsonNode node, String at, double fallback, double min, double max) {
        JsonNode n = node.get(at.substring(at.lastIndexOf('/') + 1));
        if (n == null || n.isNull()) {
            return fallback;
        }
        String name = at.substring(1).replace('/', '.');
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            problem(at, name + ": expected a number from " + fmt(min) + " to " + fmt(max) + ", got \"" + n.asText() + "\"");
            return fallback;
        }
        return n.asDouble();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private void problem(String pointer, String message) {
        problems.add(file + ":" + locations.at(pointer) + ": " + message);
    }
}
