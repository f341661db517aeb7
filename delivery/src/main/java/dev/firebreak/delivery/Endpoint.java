package dev.firebreak.delivery;

import java.util.List;

/**
 * Where deliveries go: a configured channel ({@code id} = the channel's id) or a PR subscription
 * attached to a channel name. {@code owner} is the user who made a subscription (null for channels).
 */
public record Endpoint(String id, String type, String channel, String url, List<String> secrets, boolean allowPrivate,
                       String owner, Receiver receiver) {
    public Endpoint {
        secrets = List.copyOf(secrets);
    }
}
