package dev.firebreak.delivery.robot;

import dev.firebreak.core.Alert;
import dev.firebreak.core.AlertStatus;
import dev.firebreak.core.FirebreakJson;
import io.vertx.core.json.JsonObject;

/**
 * An alert as a robot message needs it: the alert JSON of a delivery, and the escalation level when
 * the JSON carries one (an optional {@code escalationLevel} field; 0 when absent).
 */
public record AlertView(Alert alert, int escalationLevel) {

    public static AlertView parse(String alertJson) {
        Alert alert = FirebreakJson.read(alertJson, Alert.class);
        Object level = new JsonObject(alertJson).getValue("escalationLevel");
        return new AlertView(alert, level instanceof Number n ? n.intValue() : 0);
    }

    public AlertStatus status() {
        return alert.status() == null ? AlertStatus.FIRING : alert.status();
    }

    /** The reason on one line, cut to {@code max} characters: rule reasons may quote a post. */
    public String reason(int max) {
        String r = alert.reason() == null ? "" : alert.reason().replaceAll("\\s+", " ").strip();
        return r.length() <= max ? r : r.substring(0, max - 1) + "…";
    }

    public String severity() {
        return alert.severity() == null ? "P?" : alert.severity().name();
    }
}
