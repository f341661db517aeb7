package dev.firebreak.connectors.douyin;

import dev.firebreak.connect.api.ErrorAction;
import dev.firebreak.connect.api.PlatformException;

/**
 * A Douyin error about one item (2111002 comments unavailable, 2111003 invalid comment, 2111004
 * comment not on this video, 2111007 video unavailable). The task skips that item with a problem
 * and carries on; where there is no item to skip it becomes a transient failure.
 */
final class ItemError extends Exception {
    private static final long serialVersionUID = 1L;
    private final long code;

    ItemError(long code, String message) {
        super(message);
        this.code = code;
    }

    long code() {
        return code;
    }

    PlatformException asFailure() {
        return new PlatformException(ErrorAction.RETRY, String.valueOf(code), null, getMessage());
    }
}
