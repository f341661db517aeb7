package dev.firebreak.daemon.serviceclock;

import dev.firebreak.daemon.serviceclock.settings.ClockKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * One service clock of an alert: started when the alert fired, due at {@code deadline}. {@code metAt}
 * and {@code metBy} say when and how its target was reached (also after a breach: a late reply);
 * {@code breachedAt} is the deadline once it passed with the target not reached; {@code reminded}: the
 * reminder before the deadline went on the feed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceClock(ClockKind kind, Instant startedAt, Instant deadline, Status status, Instant metAt,
                           String metBy, Instant breachedAt, boolean reminded) {

    public enum Status {
        PENDING, MET, BREACHED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ServiceClock start(ClockKind kind, Instant at, java.time.Duration target) {
        return new ServiceClock(kind, at, at.plus(target), Status.PENDING, null, null, null, false);
    }

    /** The target reached at {@code at}: met if in time, else breached (at the deadline) with the late time kept. */
    public ServiceClock reached(Instant at, String by) {
        if (metAt != null) return this;
        if (status == Status.PENDING && !at.isAfter(deadline)) {
            return new ServiceClock(kind, startedAt, deadline, Status.MET, at, by, null, reminded);
        }
        return new ServiceClock(kind, startedAt, deadline, Status.BREACHED, at, by, deadline, reminded);
    }

    /** The deadline passed with the target not reached. */
    public ServiceClock breached() {
        return new ServiceClock(kind, startedAt, deadline, Status.BREACHED, metAt, metBy, deadline, reminded);
    }

    public ServiceClock remindedNow() {
        return new ServiceClock(kind, startedAt, deadline, status, metAt, metBy, breachedAt, true);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
