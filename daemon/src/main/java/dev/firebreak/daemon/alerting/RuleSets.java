package dev.firebreak.daemon.alerting;

import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.rules.file.BuiltinRules;
import dev.firebreak.rules.MatchCompiler;
import dev.firebreak.rules.file.RuleFile;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.file.RuleLoader;
import dev.firebreak.rules.model.RuleSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules in force: the built-in pack, then every file of the admin's folder, checked together. */
public final class RuleSets {
    private RuleSets() { }

    /** The names a rule may notify: the built-in audiences and the configured channels. */
    public static Set<String> channels(AlertingConfig config) {
        Set<String> names = new LinkedHashSet<>(BuiltinRules.CHANNELS);
        names.addAll(config.channels());
        return names;
    }

    /** Loads and checks; every problem is in the exception, as {@code file:line:col: message}. */
    public static RuleSet load(AlertingConfig config) throws IOException, RuleFileException {
        Map<String, String> folder = config.rulesDir() == null ? Map.of() : new RuleFolder(config.rulesDir()).read();
        return load(channels(config), folder);
    }

    public static RuleSet load(Set<String> channels, Map<String, String> folder) throws RuleFileException {
        List<RuleFile> files = new ArrayList<>();
        files.add(BuiltinRules.file());
        folder.forEach((name, text) -> files.add(new RuleFile(name, text)));
        return new RuleLoader(channels, MatchCompiler.queries()).load(files);
    }
}
