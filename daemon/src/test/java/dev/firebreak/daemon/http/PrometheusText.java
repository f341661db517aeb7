package dev.firebreak.daemon.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Prometheus text exposition read back for tests: each sample line ("name{labels} value") by its series. */
final class PrometheusText {
    private final Map<String, Double> samples = new LinkedHashMap<>();

    PrometheusText(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** The sum of every sample of {@code name} whose labels hold each of {@code labels} ("k=\"v\""); 0 if none. */
    double sum(String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            if (matches(e.getKey(), name, labels)) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** Whether any sample of {@code name} has all of {@code labels}. */
    boolean has(String name, String... labels) {
        return samples.keySet().stream().anyMatch(k -> matches(k, name, labels));
    }

    private static boolean matches(String series, String name, String... labels) {
        int brace = series.indexOf('{');
        String n = brace < 0 ? series : series.substring(0, brace);
        if (!n.equals(name)) {
            return false;
        }
        for (String l : labels) {
            if (!series.contains(l)) {
                return false;
            }
        }
        return true;
    }
}
