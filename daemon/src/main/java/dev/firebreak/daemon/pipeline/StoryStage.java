package dev.firebreak.daemon.pipeline;

import dev.firebreak.core.ScoredMention;
import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.store.StoryLinks;
import dev.firebreak.stories.StoryAssigner;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each new mention its story (incident): its root's (the links of earlier batches are read from
 * the store), or an earlier near-duplicate's, or that of an earlier post about the same product and
 * fault, or a story of its own.
 */
public final class StoryStage implements Stage {
    private final StoryAssigner assigner;
    private final StoryLinks links;

    public StoryStage(StoryAssigner assigner, StoryLinks links) {
        this.assigner = assigner;
        this.links = links;
    }

    @Override
    public String name() {
        return "story";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        StoryAssigner.Assignment assignment = assigner.assignAnalysed(batch.unseen, batch.analyses,
                Await.result(links.storyLinks(StoryAssigner.roots(batch.unseen))));
        List<ScoredMention> fresh = new ArrayList<>();
        for (int i = 0; i < batch.unseen.size(); i++) {
            fresh.add(new ScoredMention(batch.unseen.get(i), batch.analyses.get(i), assignment.storyIds().get(i)));
        }
        batch.assignment = assignment;
        batch.fresh = List.copyOf(fresh);
    }
}
