package dev.firebreak.daemon.alerting;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits for a store call on the pipeline's worker, rethrowing the store's own exception. */
public final class Await {
    private static final long TIMEOUT_SECONDS = 30;

    private Await() { }

    public static <T> T result(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
