package dev.firebreak.delivery;

/**
 * One version of one alert, owed to one endpoint (a configured channel or a PR subscription).
 *
 * @param id         the message id ({@code webhook-id}): the same on every retry, so a receiver
 *                   can drop a repeat; unique per alert version and endpoint
 * @param endpointId where it goes
 * @param alertId    the alert it is a version of
 * @param storyId    deliveries of one story reach an endpoint in the order they were made
 * @param seq        the alert version's feed sequence number
 * @param followUp   false for a new alert; true for an update of one the endpoint already has
 * @param alertJson  the alert's JSON ({@link dev.firebreak.core.Alert}), as recorded
 * @param createdAt  epoch millis when it was queued
 */
public record Delivery(String id, String endpointId, String alertId, String storyId, long seq, boolean followUp,
                       String alertJson, long createdAt) {
}
