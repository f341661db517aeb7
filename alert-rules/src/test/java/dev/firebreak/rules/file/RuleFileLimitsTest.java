package dev.firebreak.rules.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.rules.MatchCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule files built to hurt the reader are refused with file:line:col, never an exception of another kind. */
class RuleFileLimitsTest {
    private static final String RULE = "rules:\n  - id: r\n    match: 退款\n    severity: P3\n    notify: [agents]\n";

    private static List<String> problems(String text) {
        return assertThrows(RuleFileException.class, () -> new RuleLoader(Fixtures.CHANNELS, MatchCompiler.queries())
                .load(List.of(new RuleFile("x.yaml", text)))).problems();
    }

    @Test
    void aMatchNestedThousandsDeepIsAProblemAtItsColumn() {
        String deep = RULE.replace("match: 退款", "match: " + "(".repeat(3000) + "退款" + ")".repeat(3000));
        assertEquals(List.of("x.yaml:3:12: rule \"r\": match: column 65: nesting deeper than 64"), problems(deep));
        String nots = RULE.replace("match: 退款", "match: " + "-".repeat(3000) + "退款");
        assertEquals(List.of("x.yaml:3:12: rule \"r\": match: column 65: nesting deeper than 64"), problems(nots));
    }

    @Test
    void yamlNestedThousandsDeepIsRefusedByTheReader() {
        assertEquals(List.of("x.yaml:1:1: not valid YAML: Document nesting depth (1001) exceeds the maximum allowed (1000,"
                + " from `StreamReadConstraints.getMaxNestingDepth()`)"), problems("rules: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread() {
        String huge = RULE + "# " + "x".repeat(RuleLoader.MAX_FILE_CHARS) + "\n";
        assertEquals(List.of("x.yaml:1:1: the file is " + huge.length() + " characters long; a rule file may hold at most 524288"),
                problems(huge));
    }
}
