package dev.firebreak.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reload finds changed: live-applicable parts apart, every other key by name. */
class ConfigChangesTest {
    final ConfigLoader loader = new ConfigLoader(name -> null);

    @Test
    void namesRestartOnlyKeysAndListsChangedConnectorsApart() throws Exception {
        FirebreakConfig before = loader.parse("a.yaml", """
                http: {port: 8080}
                analysis: {corenlp: false, corenlpQueue: 100}
                connectors:
                  - {id: push, type: push}
                  - {id: slow, type: replay, path: pom.xml, speed: realtime}
                """);
        FirebreakConfig after = new ConfigLoader(name -> null).parse("a.yaml", """
                http: {port: 9090}
                analysis: {corenlp: false, corenlpQueue: 200}
                connectors:
                  - {id: push, type: push}
                  - {id: slow, type: replay, path: pom.xml, speed: max}
                  - {id: more, type: replay, path: pom.xml}
                """);
        ConfigChanges changes = ConfigChanges.between(before, after);
        assertEquals(List.of("http.port", "analysis.corenlpQueue", "connectors.more (added)"), changes.otherKeys());
        assertEquals(List.of("slow"), changes.connectors().stream().map(c -> c.id()).toList());
        assertFalse(changes.rules());
        assertFalse(changes.channels());
        assertTrue(ConfigChanges.between(before, before).none());
    }
}
