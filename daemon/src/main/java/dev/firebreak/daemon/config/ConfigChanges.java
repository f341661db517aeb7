package dev.firebreak.daemon.config;

import dev.firebreak.connect.api.ConnectorConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between the configuration in force and a newly read one, by configuration key: what a
 * reload (SIGHUP) can apply live — rules, channels, a connector's settings — and every other changed key.
 */
public record ConfigChanges(boolean rules, boolean channels, List<ConnectorConfig> connectors, List<String> otherKeys) {

    public static ConfigChanges between(FirebreakConfig now, FirebreakConfig next) {
        List<String> other = new ArrayList<>();
        differs(other, "dataDir", now.dataDir().toAbsolutePath().normalize(), next.dataDir().toAbsolutePath().normalize());
        differs(other, "http.host", now.httpHost(), next.httpHost());
        differs(other, "http.port", now.httpPort(), next.httpPort());
        differs(other, "http.publicUrl", configuredPublicUrl(now), configuredPublicUrl(next));
        differs(other, "redis.uri", now.redisUri(), next.redisUri());
        AnalysisConfig a = now.analysis();
        AnalysisConfig b = next.analysis();
        differs(other, "analysis.model", a.model(), b.model());
        differs(other, "analysis.brands", a.brands(), b.brands());
        differs(other, "analysis.corenlp", a.corenlp(), b.corenlp());
        differs(other, "analysis.corenlpThreads", a.corenlpThreads(), b.corenlpThreads());
        differs(other, "analysis.corenlpQueue", a.corenlpQueue(), b.corenlpQueue());
        differs(other, "brand.accounts", now.brand(), next.brand());
        differs(other, "serviceClocks", now.serviceClocks(), next.serviceClocks());
        boolean rules = !Objects.equals(now.alerting().rulesDir(), next.alerting().rulesDir())
                || !now.alerting().channels().equals(next.alerting().channels());
        boolean channels = !now.alerting().channelConfigs().equals(next.alerting().channelConfigs());
        Map<String, ConnectorConfig> before = byId(now.connectors());
        Map<String, ConnectorConfig> after = byId(next.connectors());
        List<ConnectorConfig> changed = new ArrayList<>();
        for (ConnectorConfig c : next.connectors()) {
            ConnectorConfig old = before.get(c.id());
            if (old == null) {
                other.add("connectors." + c.id() + " (added)");
            } else if (!old.type().equals(c.type())) {
                other.add("connectors." + c.id() + ".type");
            } else if (!old.values().equals(c.values())) {
                changed.add(c);
            }
        }
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(id -> other.add("connectors." + id + " (removed)"));
        return new ConfigChanges(rules, channels, List.copyOf(changed), List.copyOf(other));
    }

    public boolean none() {
        return !rules && !channels && connectors.isEmpty() && otherKeys.isEmpty();
    }

    /** http.publicUrl as configured, null when left out (then it follows host and port, reported on their own). */
    private static String configuredPublicUrl(FirebreakConfig c) {
        return c.publicUrlOr(1).equals(c.publicUrlOr(2)) ? c.publicUrl() : null;
    }

    private static void differs(List<String> out, String key, Object a, Object b) {
        if (!Objects.equals(a, b)) out.add(key);
    }

    private static Map<String, ConnectorConfig> byId(List<ConnectorConfig> list) {
        Map<String, ConnectorConfig> m = new LinkedHashMap<>();
        list.forEach(c -> m.put(c.id(), c));
        return m;
    }
}
