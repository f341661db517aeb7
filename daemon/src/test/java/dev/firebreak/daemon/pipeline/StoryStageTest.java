package dev.firebreak.daemon.pipeline;

import static dev.firebreak.daemon.testing.AlertingFixtures.analysis;
import static dev.firebreak.daemon.testing.AlertingFixtures.at;
import static dev.firebreak.daemon.testing.AlertingFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.Author;
import dev.firebreak.core.Kind;
import dev.firebreak.core.Mention;
import dev.firebreak.core.Metrics;
import dev.firebreak.core.Platform;
import dev.firebreak.core.ScoredMention;
import dev.firebreak.core.Sentiment;
import dev.firebreak.store.memory.InMemoryStateStore;
import dev.firebreak.stories.StoryAssigner;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryStageTest {
    @Test
    void aCommentJoinsItsRootsStoryAsLinkedByAnEarlierBatch() throws Exception {
        InMemoryStateStore state = new InMemoryStateStore();
        state.saveStoryLinks(Map.of("weibo:100", "weibo:7")).toCompletableFuture().get();
        Mention comment = new Mention(Platform.WEIBO, "2", Kind.COMMENT, "同样冒烟", at(1).atOffset(ZoneOffset.ofHours(8)),
                new Author("u2", "用户2", 5, false), "100", "100", null, Metrics.ZERO);
        Mention post = mention("3", "暖途T7空气炸锅冒烟了", 2);
        Batch batch = new Batch(List.of(), 0);
        batch.unseen = List.of(comment, post);
        batch.analyses = List.of(analysis(Sentiment.NEGATIVE), analysis(Sentiment.NEGATIVE));

        new StoryStage(StoryAssigner.withDefaults(), state).apply(batch);

        assertEquals(List.of("weibo:7", "weibo:3"), batch.fresh.stream().map(ScoredMention::storyId).toList());
        assertEquals(batch.analyses, batch.fresh.stream().map(ScoredMention::analysis).toList());
        assertEquals(java.util.Set.of("weibo:3"), batch.assignment.started(), "the post starts its own story");
    }
}
