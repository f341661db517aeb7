package dev.firebreak.daemon.serviceclock;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a {@code clocks} field to the alerts the feed serves (each alert's clocks: kind, deadline,
 * status and times), in the serialisation layer: the alert's own JSON contract is untouched otherwise.
 * Blocking (the store): call off the event loop.
 */
public final class FeedClocks {
    private final ServiceClocks clocks;

    public FeedClocks(ServiceClocks clocks) {
        this.clocks = clocks;
    }

    /** {@code alerts}: the feed's alert objects; those that keep clocks get them, in place. */
    public JsonArray decorate(JsonArray alerts) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) ids.add(alerts.getJsonObject(i).getString("id"));
        var found = clocks.clocks(ids);
        for (int i = 0; i < alerts.size(); i++) {
            JsonObject a = alerts.getJsonObject(i);
            AlertClocks c = found.get(a.getString("id"));
            if (c != null) a.put("clocks", new JsonObject(c.toJson()).getJsonArray("clocks"));
        }
        return alerts;
    }
}
