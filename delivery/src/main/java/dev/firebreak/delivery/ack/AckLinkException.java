package dev.firebreak.delivery.ack;

/** Why an acknowledge link was refused; the message is safe to show to whoever followed the link. */
public final class AckLinkException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Malformed: not a link of ours at all; tampered: the signature does not match; expired: too old. */
    public enum Reason { MALFORMED, TAMPERED, EXPIRED }

    private final Reason reason;

    public AckLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
