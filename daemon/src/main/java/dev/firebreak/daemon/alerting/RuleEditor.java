package dev.firebreak.daemon.alerting;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.rules.file.RuleFileException;
import dev.firebreak.rules.model.RuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule changes made through the API: a file's new text is checked with the rest of the folder, written
 * (atomically) only if it passes, put in force at once, and kept in the change history with who, when,
 * the text before and after, and a line diff. Any change can be rolled back, which is itself a change.
 */
public final class RuleEditor {
    /** One change in the history. {@code before} null: the file was new; {@code after} null: it was removed. */
    public record Change(long number, Instant at, String by, String file, String before, String after, String diff,
                         Map<String, String> versions, Long rollbackOf) { }

    private final AlertingConfig config;
    private final AlertStage stage;
    private final LifecycleStore store;

    public RuleEditor(AlertingConfig config, AlertStage stage, LifecycleStore store) {
        this.config = config;
        this.stage = stage;
        this.store = store;
    }

    /** Writes {@code text} as {@code file} if the folder still checks; the problems otherwise. */
    public Change write(String file, String text, String by, Long rollbackOf) throws Exception {
        if (config.rulesDir() == null) throw new IllegalStateException("no rules folder is configured (rules: in the config)");
        if (by == null || by.isBlank()) throw new IllegalArgumentException("by: say who makes the change");
        if (!file.matches("[\\w.-]+\\.ya?ml") || file.startsWith(".")) {
            throw new IllegalArgumentException("file: expected a name like refunds.yaml, got \"" + file + "\"");
        }
        Map<String, String> folder = new LinkedHashMap<>(new RuleFolder(config.rulesDir()).read());
        String before = folder.get(file);
        if (text == null) folder.remove(file);
        else folder.put(file, text);
        RuleSet next = RuleSets.load(RuleSets.channels(config), folder);   // RuleFileException: refused, nothing written
        Path target = config.rulesDir().resolve(file);
        if (text == null) {
            Files.deleteIfExists(target);
        } else {
            Path tmp = Files.createTempFile(config.rulesDir(), ".edit-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        stage.setRules(next);
        Change draft = new Change(0, Instant.now(), by, file, before, text, LineDiff.of(before, text), next.versions(), rollbackOf);
        long n = Await.result(store.recordRuleChange(FirebreakJson.write(draft)));
        return new Change(n, draft.at(), by, file, before, text, draft.diff(), draft.versions(), rollbackOf);
    }

    /** Removes {@code file} if the rest of the folder still checks; a file that is not there is a NoSuchElementException. */
    public Change remove(String file, String by) throws Exception {
        if (config.rulesDir() != null && file.matches("[\\w.-]+\\.ya?ml") && !file.startsWith(".")
                && !new RuleFolder(config.rulesDir()).read().containsKey(file)) {
            throw new java.util.NoSuchElementException("no rule file " + file);
        }
        return write(file, null, by, null);
    }

    /** Puts back the text a change replaced (or removes a file it created). */
    public Change rollback(long number, String by) throws Exception {
        long total = Await.result(store.ruleChangeCount());
        // Newest first, change {@code number} is the (total - number + 1)th: read that far, no further.
        Optional<Change> change = number < 1 || number > total ? Optional.empty()
                : history((int) Math.min(Integer.MAX_VALUE, total - number + 1)).stream()
                        .filter(c -> c.number() == number).findFirst();
        if (change.isEmpty()) throw new java.util.NoSuchElementException("no rule change " + number);
        return write(change.get().file(), change.get().before(), by, number);
    }

    /** The newest changes first, numbered from 1 in the order they were made. */
    public List<Change> history(int limit) throws Exception {
        List<String> newestFirst = Await.result(store.ruleChanges(Math.max(1, limit)));
        long total = Await.result(store.ruleChangeCount());
        List<Change> out = new java.util.ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Change c = FirebreakJson.read(newestFirst.get(i), Change.class);
            out.add(new Change(total - i, c.at(), c.by(), c.file(), c.before(), c.after(), c.diff(), c.versions(), c.rollbackOf()));
        }
        return out;
    }

}
