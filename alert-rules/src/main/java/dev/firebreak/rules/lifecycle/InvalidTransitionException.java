package dev.firebreak.rules.lifecycle;

/** A lifecycle step that the alert's state does not allow, with a message fit for the person who tried it. */
public final class InvalidTransitionException extends IllegalStateException {
    public InvalidTransitionException(String message) {
        super(message);
    }
}
