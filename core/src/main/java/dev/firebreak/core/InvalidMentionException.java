package dev.firebreak.core;

/** A Mention that cannot be accepted; the message says what is wrong and where, for a person to fix. */
public final class InvalidMentionException extends Exception {
    public InvalidMentionException(String message) {
        super(message);
    }
}
