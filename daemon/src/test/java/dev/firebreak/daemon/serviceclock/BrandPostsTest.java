package dev.firebreak.daemon.serviceclock;

import static dev.firebreak.daemon.testing.AlertingFixtures.negative;
import static dev.firebreak.daemon.testing.AlertingFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firebreak.core.BrandAccounts;
import dev.firebreak.core.Platform;
import dev.firebreak.daemon.alerting.RuleStage;
import dev.firebreak.rules.engine.AlertEngine;
import dev.firebreak.rules.engine.Decision;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The brand's own posts never raise a complaint alert; everyone else's still do. */
class BrandPostsTest {
    @Test
    void theRulesSkipTheBrandsPostsByIdOrName() {
        RuleStage stage = new RuleStage(new AlertEngine(rules()));
        // The same negative post by the brand's account (u1), by a name-only account (用户2) and by a customer (u3).
        var byId = negative("1", "s1", 0);
        var byName = negative("2", "s2", 0);
        var customer = negative("3", "s3", 0);
        assertEquals(3, stage.evaluate(List.of(byId, byName, customer), Map.of()).size(), "without brand accounts all fire");

        RuleStage withBrand = new RuleStage(new AlertEngine(rules()));
        withBrand.brandAccounts(new BrandAccounts(Map.of(Platform.WEIBO, Set.of("u1")),
                Map.of(Platform.WEIBO, Set.of("用户2"))));
        List<RuleStage.Outcome> out = withBrand.evaluate(List.of(byId, byName, customer), Map.of());
        assertEquals(List.of(Decision.Kind.FIRE), out.stream().map(o -> o.decision().kind()).toList());
        assertEquals("s3", out.get(0).decision().alert().storyId());
    }

    @Test
    void anotherPlatformsAccountOfTheSameIdIsNotTheBrand() {
        RuleStage stage = new RuleStage(new AlertEngine(rules()));
        stage.brandAccounts(new BrandAccounts(Map.of(Platform.DOUYIN, Set.of("u1")), Map.of()));
        assertEquals(1, stage.evaluate(List.of(negative("1", "s1", 0)), Map.of()).size());
    }
}
