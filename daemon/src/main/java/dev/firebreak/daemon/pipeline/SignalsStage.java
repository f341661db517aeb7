package dev.firebreak.daemon.pipeline;

import dev.firebreak.stories.StoryBook;

/** Updates the signals and forecast of every story the batch touched; the rules read them next. */
public final class SignalsStage implements Stage {
    private final StoryBook book;

    public SignalsStage(StoryBook book) {
        this.book = book;
    }

    @Override
    public String name() {
        return "signals";
    }

    @Override
    public void apply(Batch batch) {
        batch.stories = book.record(batch.fresh, batch.assignment.started());
    }
}
