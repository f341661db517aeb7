package dev.firebreak.delivery.channels;

import dev.firebreak.delivery.ChannelConfig;
import dev.firebreak.delivery.Receiver;
import java.util.List;

/**
 * Everything the daemon knows about one kind of channel, in one place: its name in configuration,
 * which secrets it takes, how many messages a minute it sends unless told, and how its receiver is made.
 * {@link ChannelTypes} lists them all.
 *
 * @param <R> what its receivers are (robots are {@code RobotReceiver}s)
 */
public record ChannelType<R extends Receiver>(String name, int defaultPerMinute, SecretRule secrets,
                                              ReceiverMaker<R> receivers) {
    /** What is wrong with a channel's secrets, given under {@code key} ({@code secret} or {@code secrets}). */
    @FunctionalInterface
    public interface SecretRule {
        List<SecretProblem> check(String key, List<String> secrets);
    }

    /**
     * One secret problem; {@code text} starts with the key it is about ("secret: ..."). {@code onKey}: the
     * problem points at the key given, not at the channel as a whole (a missing secret).
     */
    public record SecretProblem(boolean onKey, String text) { }

    @FunctionalInterface
    public interface ReceiverMaker<R extends Receiver> {
        /** {@link IllegalArgumentException} names the channel and what is wrong with it. */
        R create(ChannelConfig channel, ChannelTools tools);
    }

    public R create(ChannelConfig channel, ChannelTools tools) {
        return receivers.create(channel, tools);
    }
}
