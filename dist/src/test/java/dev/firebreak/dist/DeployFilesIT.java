package dev.firebreak.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.firebreak.daemon.alerting.RuleSets;
import dev.firebreak.daemon.config.ConfigLoader;
import dev.firebreak.daemon.config.FirebreakConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each file in deploy/ parsed and checked against the code and the archive: the port the daemon defaults to,
 * the routes it serves for health and readiness, the configuration each one mounts (read by the daemon's own
 * loader, its paths inside the unpacked archive), the data directory and its volume, the admin token's place,
 * the launcher's path in the archive, and the memory the README measured.
 */
class DeployFilesIT {
    static final String INSTALL = "/opt/firebreak";
    static final String DATA = "/var/lib/firebreak";
    static final String CONFIG = "/etc/firebreak/firebreak.yaml";
    final YAMLMapper yaml = new YAMLMapper();

    @Test
    void theDockerfileInstallsTheArchiveOnDebianAndRunsItAsTheCodeExpects() throws Exception {
        DockerfileLines docker = DockerfileLines.parse(read("deploy/Dockerfile"));
        assertTrue(docker.one("FROM").startsWith("debian:"), "the base image must be Debian: " + docker.one("FROM"));
        assertTrue(docker.all("RUN").stream().anyMatch(r -> r.contains("apt-get install") && r.contains("openjdk-17-jre-headless")),
                "the image must install Debian's openjdk-17-jre-headless");
        assertEquals("VERSION=" + UnpackedDist.VERSION, docker.one("ARG"), "the image's default VERSION is this build's");
        String add = docker.one("ADD");
        assertEquals("dist/target/firebreak-${VERSION}.tar.gz /opt/", add);
        assertEquals(UnpackedDist.ARCHIVE.getFileName().toString(), "firebreak-" + UnpackedDist.VERSION + ".tar.gz");
        assertTrue(docker.all("RUN").contains("ln -s /opt/firebreak-${VERSION} " + INSTALL));
        String user = docker.one("USER");
        assertFalse(user.equals("root") || user.equals("0"), "the image must not run as root");
        assertEquals(Integer.toString(DeployFacts.defaultPort()), docker.one("EXPOSE"));
        assertEquals(DATA, docker.one("VOLUME"));
        assertEquals("FIREBREAK_JAVA_OPTS=" + DeployFacts.heapOption(), docker.one("ENV"));
        String health = docker.one("HEALTHCHECK");
        assertTrue(health.contains("http://127.0.0.1:" + DeployFacts.defaultPort() + "/health"), health);
        assertTrue(DeployFacts.daemon().routes().contains("GET /health"), "the daemon serves no GET /health");
        List<String> command = new ArrayList<>(json(docker.one("ENTRYPOINT")));
        command.addAll(json(docker.one("CMD")));
        assertEquals(List.of(INSTALL + "/bin/firebreak", "run", "--config", CONFIG, "--data", DATA), command);
        assertInArchive(INSTALL + "/bin/firebreak");
        String copy = docker.one("COPY");
        assertTrue(copy.endsWith(" " + CONFIG), copy);
        FirebreakConfig config = config(copy.split(" ")[0], read(copy.split(" ")[0]), name -> null);
        assertEquals(DeployFacts.defaultPort(), config.httpPort(), "the image's configuration serves another port than it exposes");
        assertEquals("0.0.0.0", config.httpHost(), "inside a container the daemon must listen beyond loopback");
        assertEquals(Path.of(DATA), config.dataDir());
    }

    @Test
    void composeRunsFirebreakWithRedisOnNamedVolumes() throws Exception {
        JsonNode compose = yaml.readTree(read("deploy/compose.yaml"));
        JsonNode services = compose.get("services");
        JsonNode fb = services.get("firebreak");
        assertTrue(services.has("redis"), "compose has no redis service");
        assertEquals("deploy/Dockerfile", fb.at("/build/dockerfile").asText());
        assertEquals(UnpackedDist.VERSION, fb.at("/build/args/VERSION").asText());
        assertTrue(fb.get("depends_on").has("redis"));
        assertEquals(DeployFacts.defaultPort() + ":" + DeployFacts.defaultPort(), fb.at("/ports/0").asText());
        assertEquals(DeployFacts.heapOption(), fb.at("/environment/FIREBREAK_JAVA_OPTS").asText());
        assertEquals(DeployFacts.ramMiB() + "m", fb.get("mem_limit").asText());
        List<String> mounts = new ArrayList<>();
        fb.get("volumes").forEach(v -> mounts.add(v.asText()));
        assertTrue(mounts.contains("firebreak-data:" + DATA), "the data directory is not on the named volume: " + mounts);
        assertTrue(services.at("/redis/volumes/0").asText().startsWith("redis-data:"));
        assertTrue(compose.get("volumes").has("firebreak-data") && compose.get("volumes").has("redis-data"));
        String configMount = mounts.stream().filter(m -> m.contains(":" + CONFIG)).findFirst()
                .orElseThrow(() -> new AssertionError("compose mounts no configuration at " + CONFIG));
        String source = "deploy/" + configMount.substring(2, configMount.indexOf(':'));
        FirebreakConfig config = config(source, read(source), name -> null);
        assertEquals(URI.create("redis://redis:6379"), URI.create(config.redisUri()), "redis.uri must name the redis service");
        assertEquals(Path.of(DATA), config.dataDir());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals(DeployFacts.defaultPort(), config.httpPort());
        assertTrue(read("deploy/compose.yaml").contains("cat " + DATA + "/" + DeployFacts.daemon().adminTokenFile()),
                "compose.yaml must say how to read the admin token at " + DATA + "/" + DeployFacts.daemon().adminTokenFile());
    }

    @Test
    void kubernetesProbesPortsVolumeConfigurationSecretAndMemoryMatchTheCode() throws Exception {
        JsonNode set = yaml.readTree(read("deploy/k8s/statefulset.yaml"));
        assertEquals("StatefulSet", set.get("kind").asText());
        JsonNode c = set.at("/spec/template/spec/containers/0");
        assertEquals(DeployFacts.defaultPort(), c.at("/ports/0/containerPort").asInt());
        assertEquals(List.of("run", "--config", CONFIG, "--data", DATA), strings(c.get("args")));
        var routes = DeployFacts.daemon().routes();
        assertEquals("/health", c.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/ready", c.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/health", c.at("/startupProbe/httpGet/path").asText());
        assertTrue(routes.contains("GET /health") && routes.contains("GET /ready"), "the daemon's routes: " + routes);
        // CoreNLP loads for ~10 s after HTTP is up: the startup probe gives a minute or more.
        JsonNode startup = c.get("startupProbe");
        assertTrue(startup.get("periodSeconds").asInt() * startup.get("failureThreshold").asInt() >= 60);
        assertEquals("FIREBREAK_JAVA_OPTS", c.at("/env/0/name").asText());
        assertEquals(DeployFacts.heapOption(), c.at("/env/0/value").asText());
        assertEquals(DeployFacts.ramMiB() + "Mi", c.at("/resources/limits/memory").asText());
        assertEquals(DeployFacts.ramMiB() + "Mi", c.at("/resources/requests/memory").asText());
        assertTrue(set.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
        assertEquals(DATA, mountPath(c, set.at("/spec/volumeClaimTemplates/0/metadata/name").asText()));
        String configVolume = set.at("/spec/template/spec/volumes/0/name").asText();
        assertEquals(Path.of(CONFIG).getParent().toString(), mountPath(c, configVolume));

        JsonNode map = yaml.readTree(read("deploy/k8s/configmap.yaml"));
        assertEquals(set.at("/spec/template/spec/volumes/0/configMap/name").asText(), map.at("/metadata/name").asText());
        JsonNode secret = yaml.readTree(read("deploy/k8s/secret.yaml"));
        assertEquals(c.at("/envFrom/0/secretRef/name").asText(), secret.at("/metadata/name").asText());
        JsonNode secrets = secret.get("stringData");
        // Every ${VAR} the configuration reads is in the Secret; an unset one would refuse the file.
        FirebreakConfig config = config("configmap firebreak.yaml", map.at("/data/" + Path.of(CONFIG).getFileName()).asText(),
                name -> secrets.has(name) ? secrets.get(name).asText() : null);
        assertEquals(DeployFacts.defaultPort(), config.httpPort());
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals(Path.of(DATA), config.dataDir());

        JsonNode service = yaml.readTree(read("deploy/k8s/service.yaml"));
        assertEquals(c.at("/ports/0/name").asText(), service.at("/spec/ports/0/targetPort").asText());
        assertEquals(set.at("/spec/selector/matchLabels"), service.at("/spec/selector"));
        List<JsonNode> redis = new ArrayList<>();
        yaml.readerFor(JsonNode.class).readValues(read("deploy/k8s/redis.yaml")).forEachRemaining(n -> redis.add((JsonNode) n));
        String redisHost = URI.create(config.redisUri()).getHost();
        assertTrue(redis.stream().anyMatch(n -> n.get("kind").asText().equals("Service") && n.at("/metadata/name").asText().equals(redisHost)),
                "the Secret's REDIS_URI names " + redisHost + ", which redis.yaml does not serve");
        assertTrue(read("deploy/k8s/statefulset.yaml").contains("cat " + DATA + "/" + DeployFacts.daemon().adminTokenFile()));
    }

    @Test
    void theSystemdUnitRunsTheInstalledDistributionHardened() throws Exception {
        UnitFile unit = UnitFile.parse(read("deploy/firebreak.service"));
        String exec = unit.one("Service", "ExecStart");
        assertEquals(INSTALL + "/bin/firebreak run --config " + CONFIG + " --data " + DATA, exec);
        assertInArchive(exec.split(" ")[0]);
        assertTrue(List.of(unit.one("Service", "SuccessExitStatus").split("\\s+")).contains("143"),
                "SuccessExitStatus must hold 143 (a JVM ended by SIGTERM)");
        assertEquals("yes", unit.one("Service", "NoNewPrivileges"));
        assertEquals("strict", unit.one("Service", "ProtectSystem"));
        assertEquals(DATA, unit.one("Service", "ReadWritePaths"));
        assertEquals("yes", unit.one("Service", "PrivateTmp"), "the embedded Redis unpacks into /tmp, read-only under ProtectSystem=strict");
        assertEquals(DATA, unit.one("Service", "WorkingDirectory"));
        assertEquals("/bin/kill -HUP $MAINPID", unit.one("Service", "ExecReload"));
        assertEquals("FIREBREAK_JAVA_OPTS=" + DeployFacts.heapOption(), unit.one("Service", "Environment"));
        assertEquals(DeployFacts.ramMiB() + "M", unit.one("Service", "MemoryMax"));
        assertFalse(unit.one("Service", "User").equals("root"));
    }

    /** A path of the installation (/opt/firebreak/...) is a file of the archive. */
    private static void assertInArchive(String installedPath) throws Exception {
        String inArchive = "firebreak-" + UnpackedDist.VERSION + installedPath.substring(INSTALL.length());
        assertTrue(UnpackedDist.entries().containsKey(inArchive), installedPath + " is not in the archive (" + inArchive + ")");
    }

    /** Read by the daemon's own loader, with /opt/firebreak standing for the unpacked archive; its rules are checked too. */
    private static FirebreakConfig config(String name, String text, UnaryOperator<String> env) throws Exception {
        String here = text.replace(INSTALL + "/", UnpackedDist.home() + "/");
        FirebreakConfig config;
        try {
            config = new ConfigLoader(env).parse(name, here);
        } catch (dev.firebreak.daemon.config.ConfigError e) {
            throw new AssertionError(name + " does not load:\n" + String.join("\n", e.problems()), e);
        }
        RuleSets.load(config.alerting());
        return config;
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode m : container.get("volumeMounts")) {
            if (m.get("name").asText().equals(volume)) return m.get("mountPath").asText();
        }
        throw new AssertionError("the container mounts no volume " + volume);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> json(String execForm) throws Exception {
        return strings(new YAMLMapper().readTree(execForm));
    }

    private static String read(String path) throws Exception {
        return Files.readString(UnpackedDist.ROOT.resolve(path));
    }

}
