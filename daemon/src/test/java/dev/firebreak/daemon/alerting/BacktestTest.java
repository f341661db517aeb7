package dev.firebreak.daemon.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.core.FirebreakJson;
import dev.firebreak.core.Mention;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.index.lucene.MentionIndex;
import dev.firebreak.analysis.AnalysisModels;
import dev.firebreak.daemon.bench.MentionGenerator;
import dev.firebreak.daemon.config.AlertingConfig;
import dev.firebreak.stories.StoryAssigner;
import dev.firebreak.rules.model.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest reads the index in event time and gives the same answer every time. */
class BacktestTest {
    @TempDir
    Path dir;

    @Test
    void theSameIndexGivesTheSameReport() throws Exception {
        Path file = dir.resolve("m.jsonl");
        MentionGenerator.write(file, 3_000, 3);
        AnalysisModels models = AnalysisModels.load(null, null, false);
        StoryAssigner assigner = StoryAssigner.withDefaults();
        List<Mention> mentions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) mentions.add(FirebreakJson.read(line, Mention.class));
        StoryAssigner.Assignment a = assigner.assign(mentions, Map.of());
        try (MentionIndex index = MentionIndex.open(dir.resolve("index"))) {
            List<ScoredMention> scored = new ArrayList<>();
            for (int i = 0; i < mentions.size(); i++) {
                scored.add(new ScoredMention(mentions.get(i), models.firstScores().analyse(mentions.get(i).text()), a.storyIds().get(i)));
            }
            java.util.Collections.reverse(scored);   // stored out of time order on purpose
            index.upsert(scored);
            index.commit();
            RuleSet rules = RuleSets.load(AlertingConfig.BUILTIN);
            String first = run(index, rules);
            String second = run(index, rules);
            assertEquals(first, second);
            assertTrue(first.contains("\"fired\":"), first);
        }
    }

    private static String run(MentionIndex index, RuleSet rules) throws Exception {
        Backtest test = new Backtest(rules);
        index.scan(Long.MIN_VALUE, Long.MAX_VALUE, test::accept);
        assertEquals(3_000, test.mentions());
        return FirebreakJson.write(test.report());
    }
}
