package dev.firebreak.connect.api;

import java.util.Map;

/** Turns one webhook call (its headers and exact body bytes: signatures cover them) into a reply. */
@FunctionalInterface
public interface WebhookReceiver {
    WebhookReply handle(Map<String, String> headers, byte[] body);
}
