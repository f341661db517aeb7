package dev.firebreak.delivery.channels;

import dev.firebreak.delivery.ack.AckLinks;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What receivers are made with: the one Web Client they all share, the acknowledge links robot
 * messages carry, the delivery clock (webhook signatures) and the wall clock (robot signatures).
 */
public record ChannelTools(WebClient client, AckLinks links, LongSupplier deliveryNow, Clock clock) { }
