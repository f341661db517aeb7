package dev.firebreak.daemon.auth;

import dev.firebreak.daemon.web.AccessTable;
import dev.firebreak.daemon.web.Role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.firebreak.daemon.Firebreak;
import dev.firebreak.daemon.testing.Http;
import dev.firebreak.daemon.testing.TestDaemon;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the daemon serves against its real router: every route is documented (the
 * console's static file trees outside /api excepted, but checked public), every documented operation exists, and each one refuses a caller without a token (401, unless public)
 * and every role it does not list (403), lets the roles it lists through, and agrees with the access table
 * and with the summary its route declares (the table is made from those declarations).
 */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    record Operation(String method, String path, boolean open, Set<Role> roles, Set<String> responses, String summary) {
        String key() {
            return method + " " + path;
        }

        boolean documents(int status) {
            return responses.contains(Integer.toString(status));
        }

        /** The path with each {param} filled in, to call it. */
        String concrete() {
            return path.replaceAll("\\{[^}]+}", "no-such-x");
        }
    }

    @Test
    void theDocumentAndTheRouterAgreeAndEveryOperationIsGuarded() throws Exception {
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            HttpResponse<String> served = Http.callAs(app, null, "GET", "/api/openapi.yaml", null);
            assertEquals(200, served.statusCode(), "the document is public");
            assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
            List<Operation> documented = operations(new ObjectMapper(new YAMLFactory()).readTree(served.body()));

            SortedSet<String> routes = new TreeSet<>();
            app.httpRoutes().forEach(r -> routes.add(r.replaceAll(":([A-Za-z0-9_]+)", "{$1}")));
            // The console's static file trees ("GET /console/*", "GET /assets/*") are prefix routes serving
            // files, not operations: OpenAPI cannot say "any path under" and a {param} is one segment. They
            // are left out of the comparison (the document's description names them) but must be public.
            // Under /api nothing is left out: a prefix route there fails the comparison below.
            SortedSet<String> staticTrees = new TreeSet<>(routes.stream()
                    .filter(r -> r.startsWith("GET /") && r.endsWith("/*") && !r.startsWith("GET /api/")).toList());
            routes.removeAll(staticTrees);
            assertEquals(Set.of("GET /assets/*", "GET /console/*"), staticTrees, "the static file trees left out");
            for (String tree : staticTrees) {
                String prefix = tree.substring(4, tree.length() - 1);
                int anonymous = Http.callAs(app, null, "GET", prefix, null).statusCode();
                assertTrue(anonymous != 401 && anonymous != 403, tree + " is public, but without a token: " + anonymous);
            }
            SortedSet<String> described = new TreeSet<>(documented.stream().map(Operation::key).toList());
            SortedSet<String> undocumented = new TreeSet<>(routes);
            undocumented.removeAll(described);
            SortedSet<String> missing = new TreeSet<>(described);
            missing.removeAll(routes);
            assertEquals(Set.of(), undocumented, "routes the daemon serves that openapi.yaml does not describe");
            assertEquals(Set.of(), missing, "operations openapi.yaml describes that the daemon does not serve");
            assertTrue(routes.size() > 30, "the router was walked: " + routes);
            // The routes' declarations (which the access table is made from) and the document say the same.
            Map<String, String> declared = new java.util.TreeMap<>();
            app.httpSummaries().forEach((route, summary) -> declared.put(route.replaceAll(":([A-Za-z0-9_]+)", "{$1}"), summary));
            List<String> summaries = new ArrayList<>();
            for (Operation op : documented) {
                if (!op.summary().equals(declared.get(op.key()))) {
                    summaries.add(op.key() + ": the document says \"" + op.summary() + "\", the route \"" + declared.get(op.key()) + "\"");
                }
            }
            assertEquals(List.of(), summaries, "summaries that differ");

            Map<Role, String> tokens = new EnumMap<>(Role.class);
            tokens.put(Role.ADMIN, Http.adminToken(app));
            tokens.put(Role.AGENT, TestDaemon.tokenFor(app, Role.AGENT));
            tokens.put(Role.PR, TestDaemon.tokenFor(app, Role.PR));
            List<String> problems = new ArrayList<>();
            for (Operation op : documented) {
                check(app, op, tokens, problems);
            }
            assertEquals(List.of(), problems);
        }
    }

    static final Path TOOLS = Path.of("../deploy/test-tools/node_modules").toAbsolutePath().normalize();
    static final Path VALIDATOR = Path.of("src/test/node/validate-openapi.js").toAbsolutePath();

    /** The served document, written to a file, passes @apidevtools/swagger-parser; every operation has its own operationId. */
    @Test
    void theServedDocumentPassesAnIndependentValidatorAndEachOperationHasItsOwnId() throws Exception {
        if (!java.nio.file.Files.isDirectory(TOOLS.resolve("@apidevtools/swagger-parser"))) {
            org.junit.jupiter.api.Assertions.fail("the npm package @apidevtools/swagger-parser is missing from " + TOOLS
                    + ": run deploy/test-tools/install");
        }
        try (Firebreak app = TestDaemon.pushOnly(data)) {
            String served = Http.callAs(app, null, "GET", "/api/openapi.yaml", null).body();
            Path file = data.resolve("served-openapi.yaml");
            java.nio.file.Files.writeString(file, served);
            ProcessBuilder pb = new ProcessBuilder("node", VALIDATOR.toString(), file.toString()).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", TOOLS.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the validator finished");
            assertEquals(0, p.exitValue(), out);
            io.vertx.core.json.JsonObject result = new io.vertx.core.json.JsonObject(out.trim());
            assertEquals(true, result.getBoolean("ok"), out);

            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(served);
            assertTrue(doc.path("servers").size() > 0, "the document names a server");
            List<String> ids = new ArrayList<>();
            List<String> without = new ArrayList<>();
            doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey())) return;
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty()) without.add(op.getKey() + " " + path.getKey());
                else ids.add(id);
            }));
            assertEquals(List.of(), without, "operations without an operationId");
            assertEquals(ids.size(), new TreeSet<>(ids).size(), "operationIds are unique: " + ids);
            assertEquals(ids.size(), result.getInteger("operations"), "the validator read every operation");
            String stream = doc.path("paths").path("/api/alerts/stream").path("get").path("description").asText();
            assertTrue(stream.contains("event: alert") && stream.contains("Last-Event-ID")
                    && stream.contains("the latest version of each alert"), "the stream's event name and replay: " + stream);
        }
    }

    private void check(Firebreak app, Operation op, Map<Role, String> tokens, List<String> problems) throws Exception {
        String path = op.concrete();
        if (path.startsWith("/api/")) {
            var entry = app.auth().table().find(op.method(), path);
            boolean open = entry.map(AccessTable.Entry::open).orElse(false);
            Set<Role> allowed = entry.map(AccessTable.Entry::roles).orElse(Set.of());
            if (open != op.open() || !allowed.equals(op.roles())) {
                problems.add(op.key() + ": the document says " + (op.open() ? "public" : op.roles())
                        + ", the access table " + (open ? "public" : allowed));
            }
        }
        int anonymous = status(app, op, null);
        if (op.open()) {
            // A 403 may be the operation's own refusal (an acknowledge link's bad signature), if it documents one.
            if (anonymous == 401 || (anonymous == 403 && !op.documents(403))) {
                problems.add(op.key() + ": public, but without a token it answered " + anonymous);
            }
            return;
        }
        if (anonymous != 401) {
            problems.add(op.key() + ": without a token it answered " + anonymous + ", not 401");
        }
        for (Role role : Role.values()) {
            int status = status(app, op, tokens.get(role));
            if (op.roles().contains(role) && (status == 401 || status == 403)) {
                problems.add(op.key() + ": " + role.wire() + " is listed but got " + status);
            } else if (!op.roles().contains(role) && status != 403) {
                problems.add(op.key() + ": " + role.wire() + " is not listed but got " + status + ", not 403");
            }
        }
    }

    /** The status only: the body is not read, so an event stream answers as soon as its headers do. */
    private int status(Firebreak app, Operation op, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + op.concrete()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(op.method(), op.method().equals("GET") || op.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> r = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return r.statusCode();
    }

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        boolean secureByDefault = doc.path("security").size() > 0;
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode security = op.getValue().get("security");
            boolean open = security == null ? !secureByDefault : security.isEmpty();
            JsonNode listed = op.getValue().get("x-firebreak-roles");
            assertNotEquals(null, listed, op.getKey() + " " + path.getKey() + " has no x-firebreak-roles");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            listed.forEach(r -> roles.add(Role.parse(r.asText())));
            assertFalse(open && !roles.isEmpty(), path.getKey() + ": a public operation lists roles");
            Set<String> responses = new TreeSet<>();
            op.getValue().path("responses").fieldNames().forEachRemaining(responses::add);
            assertFalse(responses.isEmpty(), op.getKey() + " " + path.getKey() + " documents no responses");
            out.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), open, roles, responses,
                    op.getValue().path("summary").asText()));
        }));
        return out;
    }
}
