package dev.firebreak.daemon.pipeline;

import dev.firebreak.daemon.alerting.Await;
import dev.firebreak.store.StoryLinks;

/** Saves the root-to-story links the batch made, so later batches (and other daemons) find the same story. */
public final class StoryLinksStage implements Stage {
    private final StoryLinks links;

    public StoryLinksStage(StoryLinks links) {
        this.links = links;
    }

    @Override
    public String name() {
        return "story links";
    }

    @Override
    public void apply(Batch batch) throws Exception {
        Await.result(links.saveStoryLinks(batch.assignment.newLinks()));
    }
}
