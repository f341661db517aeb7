package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.index.lucene.MentionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene mention index. A corrupt index refuses the start in one line naming the folder. A missing
 * (or empty) one while Redis still holds this daemon's state means the indexed mentions were lost: it is
 * said loudly, and {@link #problem} keeps {@code /ready} red until an admin acknowledges the loss or the
 * index holds mentions again (a re-push puts them back; see {@code DedupStage}).
 */
public final class IndexComponent extends BlockingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(IndexComponent.class);
    private final Path dir;
    private final RedisComponent redis;
    private MentionIndex index;
    private volatile boolean lossUnacknowledged;

    public IndexComponent(Path dir, RedisComponent redis) {
        super("index");
        this.dir = dir;
        this.redis = redis;
    }

    @Override
    protected void startNow() throws Exception {
        if (!MentionIndex.exists(dir) && redis.redis().holdsState(redis.namespace())) {
            lossUnacknowledged = true;
            LOG.error("The index folder {} is missing or empty, but Redis holds this daemon's state (seen mentions,"
                    + " feed cursors): the indexed mentions are lost. Stop the daemon and run 'firebreak restore BACKUP_DIR',"
                    + " or re-push / re-poll the mentions (they are indexed again). /ready stays 503 until the index holds"
                    + " mentions again or an admin calls POST /api/admin/index/acknowledge-loss.", dir.toAbsolutePath());
        }
        index = MentionIndex.open(dir);   // a corrupt index: UnreadableIndexException, one line naming the folder
    }

    /**
     * What makes the index unusable now, empty when it is fine. Blocking but cheap (a directory listing;
     * a count only while a loss at start is unacknowledged).
     */
    public Optional<String> problem() throws IOException {
        Optional<String> broken = index.problem();
        if (broken.isPresent() || !lossUnacknowledged) {
            return broken;
        }
        if (index.count() > 0) {
            lossUnacknowledged = false;
            return Optional.empty();
        }
        return Optional.of("the index folder " + dir.toAbsolutePath() + " was missing at start while Redis holds state:"
                + " restore a backup ('firebreak restore BACKUP_DIR') or re-push the mentions, or acknowledge the loss"
                + " with POST /api/admin/index/acknowledge-loss");
    }

    /** An admin accepts that the index starts empty: {@code /ready} no longer waits for it. */
    public void acknowledgeLoss() {
        if (lossUnacknowledged) {
            LOG.warn("The loss of the index at {} was acknowledged: it starts empty", dir.toAbsolutePath());
        }
        lossUnacknowledged = false;
    }

    @Override
    protected void stopNow() throws Exception {
        index.close();
    }

    public MentionIndex index() {
        return index;
    }
}
