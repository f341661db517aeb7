package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.index.lucene.MentionIndex;
import java.nio.file.Path;

/** The Lucene mention index. */
public final class IndexComponent extends BlockingComponent {
    private final Path dir;
    private MentionIndex index;

    public IndexComponent(Path dir) {
        super("index");
        this.dir = dir;
    }

    @Override
    protected void startNow() throws Exception {
        index = MentionIndex.open(dir);
    }

    @Override
    protected void stopNow() throws Exception {
        index.close();
    }

    public MentionIndex index() {
        return index;
    }
}
