package dev.firebreak.rules.file;

import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.model.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rule file fixtures from {@code src/test/resources/rules}. */
public final class Fixtures {
    public static final Set<String> CHANNELS = Set.of("agents", "pr-oncall", "supervisor", "pr-lead");

    private Fixtures() { }

    public static RuleFile file(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/rules/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new RuleFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet load(String... names) throws RuleFileException {
        List<RuleFile> files = new ArrayList<>();
        for (String n : names) files.add(file(n));
        return new RuleLoader(CHANNELS, MatchCompiler.queries()).load(files);
    }

    public static List<String> problems(String... names) {
        try {
            load(names);
            return List.of();
        } catch (RuleFileException e) {
            return e.problems();
        }
    }
}
