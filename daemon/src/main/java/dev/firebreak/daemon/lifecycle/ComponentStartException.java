package dev.firebreak.daemon.lifecycle;

/** A component did not start; the ones before it have been stopped again. The cause says why. */
public final class ComponentStartException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String component;

    public ComponentStartException(String component, Throwable cause) {
        super("component \"" + component + "\" did not start: " + cause.getMessage(), cause);
        this.component = component;
    }

    public String component() {
        return component;
    }
}
