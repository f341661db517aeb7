package dev.firebreak.delivery;


/**
 * Makes the receiver for a configured channel of one type. The daemon holds one per type
 * ({@code webhook} here; {@code wecom}, {@code dingtalk}, {@code feishu} from the robots package).
 */
@FunctionalInterface
public interface ReceiverFactory {
    Receiver create(ChannelConfig channel);
}
