package dev.firebreak.connectors.xiaohongshu;

/** An item (note, comment, export row) that cannot become a Mention; the message says which field and why. */
final class BadItemException extends Exception {
    BadItemException(String message) {
        super(message);
    }
}
