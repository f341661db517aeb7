package dev.firebreak.rules.model;

import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.MatchInput;
import dev.firebreak.rules.MatchSyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The silences in force, their queries compiled. Expired silences are kept but never match. Immutable. */
public final class Silences {
    public static final Silences NONE = new Silences(List.of(), new MatchCompiler.Match[0]);

    private final List<Silence> all;
    private final MatchCompiler.Match[] matches;

    private Silences(List<Silence> all, MatchCompiler.Match[] matches) {
        this.all = all;
        this.matches = matches;
    }

    /** Compiles each silence's match; a bad one is refused: {@code silence "s1": match: column 3: ...}. */
    public static Silences of(List<Silence> silences, MatchCompiler compiler) {
        List<Silence> all = List.copyOf(silences);
        MatchCompiler.Match[] matches = new MatchCompiler.Match[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Silence s = all.get(i);
            if (s.match() != null) {
                try {
                    matches[i] = compiler.compile(s.match());
                } catch (MatchSyntaxException e) {
                    throw new IllegalArgumentException("silence \"" + s.id() + "\": match: column " + e.column() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return new Silences(all, matches);
    }

    public List<Silence> all() {
        return all;
    }

    /** The first silence in force at {@code at} that covers this rule and mention, or null. */
    public Silence silencing(String ruleId, MatchInput input, Instant at) {
        for (int i = 0; i < matches.length; i++) {
            Silence s = all.get(i);
            if (s.activeAt(at) && (s.ruleId() == null || s.ruleId().equals(ruleId))
                    && (matches[i] == null || matches[i].matches(input))) {
                return s;
            }
        }
        return null;
    }

    /** The reminder: silences still in force at {@code now} that expire within {@code before}, soonest first. */
    public List<Silence> remindersDue(Instant now, Duration before) {
        Instant horizon = now.plus(before);
        List<Silence> out = new ArrayList<>();
        for (Silence s : all) {
            if (s.activeAt(now) && !s.expiresAt().isAfter(horizon)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(Silence::expiresAt).thenComparing(Silence::id));
        return out;
    }

    /** Silences that have expired by {@code now}: the daemon may delete them. */
    public List<Silence> expired(Instant now) {
        return all.stream().filter(s -> !s.expiresAt().isAfter(now)).toList();
    }
}
