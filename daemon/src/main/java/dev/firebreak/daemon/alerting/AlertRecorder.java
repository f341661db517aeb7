package dev.firebreak.daemon.alerting;

/**
 * Where a service puts the alert versions it makes. The {@link AlertPublisher} records and publishes
 * at once; the pipeline records during the batch and publishes in its own stage.
 */
@FunctionalInterface
public interface AlertRecorder {
    /**
     * True if the version was recorded: a new alert whose id was not recorded before, or an update of
     * one that was. Blocks on the store.
     */
    boolean record(AlertVersion version) throws Exception;
}
