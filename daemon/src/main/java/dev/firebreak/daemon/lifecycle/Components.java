package dev.firebreak.daemon.lifecycle;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components one after the other, each once the one before has started, and stops the
 * started ones in reverse. A failed start stops what already started (in reverse) and fails with a
 * {@link ComponentStartException} naming the component. A failed stop is logged and the next one is
 * still stopped: shutting down goes all the way.
 */
public final class Components {
    private static final Logger LOG = LoggerFactory.getLogger(Components.class);

    private final List<Component> order;
    private final Deque<Component> started = new ArrayDeque<>();

    public Components(List<? extends Component> order) {
        this.order = List.copyOf(order);
    }

    public Future<Void> start() {
        return startFrom(0);
    }

    private Future<Void> startFrom(int i) {
        if (i == order.size()) {
            return Future.succeededFuture();
        }
        Component next = order.get(i);
        return attempt(next::start).transform(ar -> {
            if (ar.succeeded()) {
                started.push(next);
                return startFrom(i + 1);
            }
            ComponentStartException failure = new ComponentStartException(next.name(), ar.cause());
            return stop().transform(stopped -> Future.<Void>failedFuture(failure));
        });
    }

    /**
     * Stops every started component, newest first. Fails, after all were tried, with the names of those
     * whose stop failed.
     */
    public Future<Void> stop() {
        return stopNext(new ArrayList<>());
    }

    private Future<Void> stopNext(List<String> failed) {
        Component next = started.poll();
        if (next == null) {
            return failed.isEmpty() ? Future.succeededFuture()
                    : Future.failedFuture(new IllegalStateException("did not stop cleanly: " + String.join(", ", failed)));
        }
        return attempt(next::stop).transform(ar -> {
            if (ar.failed()) {
                LOG.warn("Stopping {} failed: {}", next.name(), ar.cause().toString());
                failed.add(next.name());
            }
            return stopNext(failed);
        });
    }

    /** The names of the started components, in start order. */
    public List<String> running() {
        List<String> names = new ArrayList<>();
        started.descendingIterator().forEachRemaining(c -> names.add(c.name()));
        return names;
    }

    /** A start or stop that throws instead of returning a failed future counts as failed. */
    private static Future<Void> attempt(java.util.function.Supplier<Future<Void>> step) {
        try {
            Future<Void> f = step.get();
            return f == null ? Future.failedFuture(new IllegalStateException("returned no future")) : f;
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
