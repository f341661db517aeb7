package dev.firebreak.daemon.wiring;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.daemon.lifecycle.BlockingComponent;
import dev.firebreak.daemon.pipeline.ServiceClockStage;
import dev.firebreak.daemon.serviceclock.ReplyStep;
import dev.firebreak.daemon.serviceclock.settings.ServiceClockSettings;
import dev.firebreak.daemon.serviceclock.ServiceClocks;
import dev.firebreak.state.redis.RedisServiceClockRecords;

/**
 * The brand's own accounts and the service clocks: tells the rules to leave the brand's posts alone,
 * keeps the clocks in Redis, and gives the pipeline its clocks stage and the timer its "now".
 */
public final class ServiceClocksComponent extends BlockingComponent {
    private final BrandAccounts brand;
    private final ServiceClockSettings settings;
    private final RedisComponent redis;
    private final AlertingComponent alerting;
    private ServiceClocks clocks;
    private ReplyStep replies;

    public ServiceClocksComponent(BrandAccounts brand, ServiceClockSettings settings, RedisComponent redis,
                                  AlertingComponent alerting) {
        super("service clocks");
        this.brand = brand;
        this.settings = settings;
        this.redis = redis;
        this.alerting = alerting;
    }

    @Override
    protected void startNow() {
        alerting.alerts().ruleStage().brandAccounts(brand);
        clocks = new ServiceClocks(settings, brand,
                new RedisServiceClockRecords(redis.redis().connection(), redis.namespace()), redis.lifecycles());
        replies = new ReplyStep(redis.lifecycles(), clocks, alerting.alerts().publisher());
    }

    @Override
    protected void stopNow() { }

    public ServiceClocks clocks() {
        return clocks;
    }

    public ReplyStep replies() {
        return replies;
    }

    /** The pipeline's stage after record. */
    public ServiceClockStage stage() {
        return new ServiceClockStage(clocks, alerting.alerts().clock(), alerting.alerts().publisher());
    }

    /**
     * Sweeps the clocks at the daemon's clock (the timer, on the pipeline's worker): live the wall clock,
     * in a replay the newest event time; 0 in a replay before any event.
     */
    public int sweep() throws Exception {
        var time = alerting.alerts().clock();
        return time.started() ? clocks.sweepAll(time.now(), alerting.alerts().publisher()) : 0;
    }
}
