package dev.firebreak.rules.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The built-in rule pack, {@code /rules/builtin.yaml} on the class path (it ships in this jar, so
 * reading it is not I/O on the daemon's files). It notifies three channels the daemon must define:
 * {@code agents} (the live alert feed), {@code pr-oncall} (the PR person on call) and {@code supervisor}
 * (the duty supervisor, reached mostly by escalation). Its rules, all grouped by story:
 * <ul>
 * <li>{@code safety-complaint} P1: any safety complaint, whatever its size;</li>
 * <li>{@code regulator-filed} P1 / {@code regulator-threat} P2: a complaint filed with, or a threat to take
 *     it to, 12315, 12345, 黑猫投诉, 消协, the media or a lawyer;</li>
 * <li>{@code kol-complaint} P2: a negative post by an author with at least 100,000 followers;</li>
 * <li>{@code media-complaint} P2: a negative post by a verified media account;</li>
 * <li>{@code negative-story-accelerating} P2: a negative mention in a story with at least 20 mentions in
 *     the last hour, accelerating, at least half negative;</li>
 * <li>{@code negative-story-forecast-viral} P2: a negative mention in a story of at least 5 forecast to
 *     reach 1,000, at least half negative.</li>
 * </ul>
 */
public final class BuiltinRules {
    public static final String FILE = "builtin.yaml";
    public static final Set<String> CHANNELS = Set.of("agents", "pr-oncall", "supervisor");

    private BuiltinRules() { }

    public static RuleFile file() {
        try (InputStream in = BuiltinRules.class.getResourceAsStream("/rules/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("/rules/" + FILE + " is missing from the class path");
            }
            return new RuleFile(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
