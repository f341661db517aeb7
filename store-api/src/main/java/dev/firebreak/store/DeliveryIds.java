package dev.firebreak.store;

import java.util.concurrent.CompletionStage;

/** Ids of deliveries pushed to us (a webhook's Msg-Id), remembered for a day so a platform's retry is taken once. */
public interface DeliveryIds {

    /** Remembers a delivery id (a webhook's Msg-Id) for a day; true if it was new. */
    CompletionStage<Boolean> firstDelivery(String source, String deliveryId);

    /** Forgets a delivery id, so a retry of a delivery that could not be stored is taken. */
    CompletionStage<Void> forgetDelivery(String source, String deliveryId);
}
