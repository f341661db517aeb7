package dev.firebreak.daemon.lifecycle;

import io.vertx.core.Future;

/**
 * One part of a running daemon that is started and stopped as a whole (Redis, the index, the pipeline,
 * HTTP...). {@link Components} starts them in order and stops them in reverse; a component may use what
 * the ones before it made, once they have started.
 */
public interface Component {
    /** Names the component in logs and in a failed start ("index", "http"). */
    String name();

    Future<Void> start();

    /** Called only after a successful {@link #start}; releases what it took. */
    Future<Void> stop();
}
