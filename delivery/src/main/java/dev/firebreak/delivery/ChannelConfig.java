package dev.firebreak.delivery;

import java.util.List;

/**
 * A channel of the configuration: where alerts that name it in {@code notify} are sent.
 *
 * @param type         webhook, wecom, dingtalk or feishu
 * @param url          the endpoint (a robot's webhook URL holds its key or access token: a secret)
 * @param secrets      webhook: {@code whsec_} secrets, the first signs and all are sent during a key
 *                     rotation; dingtalk and feishu: the signing secret (one); wecom: none
 * @param mobiles      robots: the phone numbers to {@code @}-mention in each message
 * @param perMinute    messages per rolling minute (robots default to 20; webhooks unlimited)
 * @param allowPrivate whether the URL may point at loopback or a private network (an admin's choice)
 */
public record ChannelConfig(String id, String type, String url, List<String> secrets, List<String> mobiles,
                            int perMinute, boolean allowPrivate) {
    public ChannelConfig {
        secrets = List.copyOf(secrets);
        mobiles = List.copyOf(mobiles);
    }
}
