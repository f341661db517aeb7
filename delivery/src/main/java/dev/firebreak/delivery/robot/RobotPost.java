package dev.firebreak.delivery.robot;

import dev.firebreak.delivery.PinnedPost;
import dev.firebreak.delivery.SendResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;

/** Posts one robot message (connecting to the address the URL guard approved, {@link PinnedPost}) and reads the answer; the future always succeeds (failures are in the result). */
public final class RobotPost {
    static final long TIMEOUT_MILLIS = 10_000;

    private RobotPost() { }

    public static Future<SendResult> send(WebClient client, String url, InetAddress address, JsonObject body,
                                          RobotEndpoint endpoint,
                                          RobotReplies replies) {
        try {
            return PinnedPost.to(client, url, address).timeout(TIMEOUT_MILLIS).putHeader("Content-Type", "application/json; charset=utf-8")
                    .sendBuffer(body.toBuffer())
                    .map(response -> replies.map(response, endpoint))
                    .recover(e -> Future.succeededFuture(replies.noAnswer(e, endpoint)));
        } catch (RuntimeException e) {   // a URL the client cannot even parse
            return Future.succeededFuture(SendResult.fail(0, replies.platform() + " " + endpoint.masked() + ": "
                    + endpoint.scrub(String.valueOf(e.getMessage()))));
        }
    }
}
