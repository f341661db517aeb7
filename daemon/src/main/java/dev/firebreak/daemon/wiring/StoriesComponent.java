package dev.firebreak.daemon.wiring;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.EventClock;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.stories.Stories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Story grouping, warmed up from the index's recent mentions. */
public final class StoriesComponent extends BlockingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(StoriesComponent.class);
    private final IndexComponent index;
    private final EventClock clock;
    private final BrandAccounts brand;
    private Stories stories;

    /**
     * {@code clock}: what risk fades against (the escalation timers' clock too); {@code brand}: the
     * brand's own accounts (config {@code brand.accounts}), whose posts join as its responses.
     */
    public StoriesComponent(IndexComponent index, EventClock clock, BrandAccounts brand) {
        super("stories");
        this.index = index;
        this.clock = clock;
        this.brand = brand;
    }

    @Override
    protected void startNow() throws Exception {
        stories = Stories.over(index.index(), clock, brand);
        long warmStart = System.nanoTime();
        int warmed = stories.warmUp(index.index());
        if (warmed > 0) {
            LOG.info("stories: read back {} recent mentions in {} ms", warmed, (System.nanoTime() - warmStart) / 1_000_000);
        }
    }

    public Stories stories() {
        return stories;
    }
}
