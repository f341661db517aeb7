package dev.firebreak.delivery.webhook;

import dev.firebreak.delivery.ReceiverFactory;
import io.vertx.ext.web.client.WebClient;
import java.util.function.LongSupplier;

/** The {@link ReceiverFactory} for configured channels of type {@code webhook}. */
public final class WebhookReceivers {
    private WebhookReceivers() { }

    public static ReceiverFactory factory(WebClient client, LongSupplier clock) {
        return c -> new WebhookReceiver(c.id(), c.url(), c::secrets, c.perMinute(), client, clock);
    }
}
