package dev.firebreak.delivery;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A receiver that answers as the test says and remembers every message it was sent, and when. */
final class FakeReceiver implements Receiver {
    record Sent(long at, List<Delivery> deliveries, SendResult result) { }

    private final String id;
    private final int perMinute;
    private final DeliveryClock clock;
    private final Function<Long, SendResult> answer;
    final List<Sent> sent = new ArrayList<>();

    FakeReceiver(String id, int perMinute, DeliveryClock clock, Function<Long, SendResult> answer) {
        this.id = id;
        this.perMinute = perMinute;
        this.clock = clock;
        this.answer = answer;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int perMinute() {
        return perMinute;
    }

    @Override
    public Future<SendResult> send(List<Delivery> deliveries, java.net.InetAddress address) {
        SendResult r = answer.apply(clock.now());
        sent.add(new Sent(clock.now(), List.copyOf(deliveries), r));
        return Future.succeededFuture(r);
    }

    /** Ids the receiver took (2xx), once per message they were part of. */
    List<String> deliveredIds() {
        List<String> out = new ArrayList<>();
        sent.stream().filter(s -> s.result().delivered()).forEach(s -> s.deliveries().forEach(d -> out.add(d.id())));
        return out;
    }
}
