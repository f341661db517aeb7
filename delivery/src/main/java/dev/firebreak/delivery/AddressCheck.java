package dev.firebreak.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One endpoint's URL guard as its dispatcher asks it before a send: the verdict ({@link AddressVerdict}:
 * why not, or the address to connect to) is handed back on the delivery thread: in place when it is
 * known at once (no DNS, or a cached answer), else when it comes, or as a refusal when it takes longer than the timeout.
 * The delivery thread never waits for it. Used on the delivery thread only, one question at a time.
 */
final class AddressCheck {
    private final Supplier<? extends CompletionStage<AddressVerdict>> guard;
    private final DeliveryClock clock;
    private final Duration timeout;
    private long asked;
    private long awaited;
    private DeliveryClock.Cancellable timer;

    AddressCheck(Supplier<? extends CompletionStage<AddressVerdict>> guard, DeliveryClock clock, Duration timeout) {
        this.guard = guard;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Asks for a verdict; {@code then} runs once with it, on the delivery thread, unless {@link #drop} comes first. */
    void ask(Consumer<AddressVerdict> then) {
        CompletableFuture<AddressVerdict> verdict;
        try {
            verdict = guard.get().toCompletableFuture();
        } catch (RuntimeException e) {
            verdict = CompletableFuture.completedFuture(AddressVerdict.refusedFor(failed(e)));
        }
        if (verdict.isDone()) {
            then.accept(verdict.handle(AddressCheck::refusal).join());
            return;
        }
        long id = ++asked;
        awaited = id;
        timer = clock.schedule(timeout.toMillis(), () -> answer(id, then, AddressVerdict.refusedFor(
                "the address check did not answer within " + timeout.toSeconds() + " s (a slow DNS lookup?)")));
        verdict.whenComplete((why, err) -> clock.execute(() -> answer(id, then, refusal(why, err))));
    }

    /** Forgets a verdict still to come; true when there was one (its {@code then} will not run). */
    boolean drop() {
        if (awaited == 0) {
            return false;
        }
        awaited = 0;
        timer.cancel();
        return true;
    }

    /** The first of the verdict and the timeout wins; the other finds nothing awaited. */
    private void answer(long id, Consumer<AddressVerdict> then, AddressVerdict refused) {
        if (awaited != id) {
            return;
        }
        drop();
        then.accept(refused);
    }

    private static AddressVerdict refusal(AddressVerdict verdict, Throwable err) {
        return err != null ? AddressVerdict.refusedFor(failed(err))
                : verdict != null ? verdict : AddressVerdict.refusedFor("the address check gave no verdict");
    }

    private static String failed(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return "the address check failed: " + cause;
    }
}
