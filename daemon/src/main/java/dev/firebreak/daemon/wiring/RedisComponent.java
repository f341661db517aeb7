package dev.firebreak.daemon.wiring;

import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.state.redis.RedisService;
import dev.firebreak.store.LifecycleStore;
import dev.firebreak.store.StateStore;
import java.nio.file.Path;

/** Redis (the configured server, or the embedded one under the data directory) and the stores on it. */
public final class RedisComponent extends BlockingComponent {
    private final String uri;
    private final Path dir;
    private final String namespace;
    private RedisService redis;
    private StateStore state;
    private LifecycleStore lifecycles;

    public RedisComponent(String uri, Path dir, String namespace) {
        super("redis");
        this.uri = uri;
        this.dir = dir;
        this.namespace = namespace;
    }

    @Override
    protected void startNow() throws Exception {
        redis = RedisService.start(uri, dir);
        state = redis.stateStore(namespace);
        lifecycles = redis.lifecycleStore(namespace);
    }

    @Override
    protected void stopNow() throws Exception {
        redis.close();
    }

    public RedisService redis() {
        return redis;
    }

    public StateStore state() {
        return state;
    }

    public LifecycleStore lifecycles() {
        return lifecycles;
    }

    /** The key prefix of this daemon's data ("fb:"). */
    public String namespace() {
        return namespace;
    }
}
