package dev.firebreak.tools.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Firebreak's modules: the package each one owns and the modules of ours its main code may use (what
 * its pom lists, directly or through another of ours). The architecture test checks the classes
 * against this table, so a module cannot reach further than its pom means it to, even transitively.
 */
final class Modules {
    record Module(String name, String packages, Set<String> mayUse) { }

    // dist (the tar.gz and its tests) has no main code, so nothing here to check; it alone may depend on tools.
    static final List<Module> ALL = List.of(
            new Module("core", "dev.firebreak.core..", Set.of()),
            new Module("progress", "dev.firebreak.progress..", Set.of()),
            new Module("query", "dev.firebreak.query..", Set.of("core")),
            new Module("alert-rules", "dev.firebreak.rules..", Set.of("core", "query")),
            new Module("connect-api", "dev.firebreak.connect..", Set.of("core")),
            new Module("connectors", "dev.firebreak.connectors..", Set.of("core", "connect-api", "progress")),
            new Module("store-api", "dev.firebreak.store..", Set.of("core", "query")),
            new Module("index-lucene", "dev.firebreak.index..", Set.of("core", "query", "store-api")),
            new Module("state-redis", "dev.firebreak.state..", Set.of("core", "store-api")),
            new Module("analysis", "dev.firebreak.analysis..", Set.of("core")),
            new Module("stories", "dev.firebreak.stories..", Set.of("core", "analysis", "store-api", "query")),
            new Module("delivery", "dev.firebreak.delivery..", Set.of("core", "store-api")),
            new Module("daemon", "dev.firebreak.daemon..", Set.of("core", "progress", "query", "alert-rules", "connect-api", "connectors",
                    "store-api", "index-lucene", "state-redis", "analysis", "stories", "delivery")),
            new Module("tools", "dev.firebreak.tools..", Set.of("core", "progress", "query", "alert-rules", "connect-api", "connectors",
                    "store-api", "index-lucene", "state-redis", "analysis", "stories", "delivery", "daemon")));

    /** Third-party packages a module may not touch (its pom's enforcer bans the jars as well). */
    static final Map<String, List<String>> BANNED = banned();

    private Modules() { }

    private static Map<String, List<String>> banned() {
        List<String> io = List.of("io.vertx..", "org.apache.lucene..", "io.lettuce..", "io.netty..");
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String pure : List.of("core", "progress", "query", "alert-rules", "store-api", "analysis")) m.put(pure, io);
        m.put("connect-api", List.of("org.apache.lucene..", "io.lettuce..", "redis.."));
        m.put("connectors", List.of("org.apache.lucene..", "io.lettuce..", "redis.."));
        m.put("index-lucene", List.of("io.vertx..", "io.lettuce..", "io.netty.."));
        m.put("state-redis", List.of("io.vertx..", "org.apache.lucene.."));
        m.put("stories", List.of("io.vertx..", "io.lettuce..", "io.netty.."));
        return m;
    }

    static Module named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
