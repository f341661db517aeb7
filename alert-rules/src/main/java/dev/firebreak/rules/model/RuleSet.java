package dev.firebreak.rules.model;

import dev.firebreak.rules.MatchCompiler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules in force (most severe first, then in file order), the named escalation policies and the
 * silences. Immutable; swap a whole new one into the engine to change rules.
 */
public final class RuleSet {
    private final List<AlertRule> rules;
    private final Map<String, EscalationPolicy> policies;
    private final Silences silences;
    private final MatchCompiler compiler;

    public RuleSet(List<AlertRule> rules, Map<String, EscalationPolicy> policies, Silences silences,
                   MatchCompiler compiler) {
        List<AlertRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(AlertRule::severity));
        this.rules = List.copyOf(sorted);
        this.policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        this.silences = silences;
        this.compiler = compiler;
    }

    public List<AlertRule> rules() {
        return rules;
    }

    public Optional<AlertRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Map<String, EscalationPolicy> policies() {
        return policies;
    }

    public Silences silences() {
        return silences;
    }

    /** The same rules with these silences (their queries compiled by the rules' compiler). */
    public RuleSet withSilences(List<Silence> given) {
        return new RuleSet(rules, policies, Silences.of(given, compiler), compiler);
    }

    /** The rules' versions by id: what the daemon records in the rule change history. */
    public Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        rules.forEach(r -> out.put(r.id(), r.version()));
        return out;
    }
}
