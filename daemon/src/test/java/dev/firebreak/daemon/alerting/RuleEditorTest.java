package dev.firebreak.daemon.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.state.redis.testing.TestRedis;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule change history: numbered right however long it gets, without reading all of it to count. */
class RuleEditorTest {
    @TempDir
    Path folder;

    @Test
    void changesStayNumberedRightAndTheHistoryReadsOnlyWhatItShows() throws Exception {
        LifecycleStore redis = TestRedis.freshLifecycleStore();
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());   // each ruleChanges(limit) the editor makes
        LifecycleStore store = (LifecycleStore) Proxy.newProxyInstance(LifecycleStore.class.getClassLoader(),
                new Class<?>[] {LifecycleStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("ruleChanges")) asked.add((Integer) args[0]);
                    try {
                        return method.invoke(redis, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Files.writeString(folder.resolve("refunds.yaml"), RuleFolderReloadTest.GOOD);
        AlertingConfig config = new AlertingConfig(folder, List.of());
        AlertStage stage = new AlertStage(RuleSets.load(config), new AlertPublisher(TestRedis.freshStore()), store);
        RuleEditor editor = new RuleEditor(config, stage, store);

        for (int i = 1; i <= 4; i++) {
            String text = i % 2 == 1 ? RuleFolderReloadTest.CHANGED : RuleFolderReloadTest.GOOD;
            assertEquals(i, editor.write("refunds.yaml", text, "admin-" + i, null).number());
        }
        RuleEditor.Change back = editor.rollback(3, "admin-li");
        assertEquals(5, back.number());
        assertEquals(3L, back.rollbackOf());
        assertEquals(RuleFolderReloadTest.GOOD, Files.readString(folder.resolve("refunds.yaml")), "the text change 3 replaced");
        assertTrue(asked.stream().allMatch(n -> n <= 2), "rolling back change 3 of 4 reads changes 4 and 3 only: " + asked);

        asked.clear();
        List<RuleEditor.Change> newest = editor.history(2);
        assertEquals(List.of(5L, 4L), newest.stream().map(RuleEditor.Change::number).toList());
        assertEquals(List.of("admin-li", "admin-4"), newest.stream().map(RuleEditor.Change::by).toList());
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), editor.history(50).stream().map(RuleEditor.Change::number).toList());
        assertEquals(List.of(2, 50), asked, "the history reads only the changes it returns, not all of them to count");
    }
}
