package dev.firebreak.stories.virality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {
    private final Forecaster forecaster = Forecaster.load();

    private static List<Reshare> story(int n, long span, long followers) {
        List<Reshare> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Reshare(span * (i + 1) / n, followers));
        return out;
    }

    @Test
    void neverBelowObservedAndTheBandIsOrdered() {
        Random random = new Random(3);
        for (int k = 0; k < 300; k++) {
            int n = random.nextInt(k % 3 == 0 ? 5 : 3000);
            List<Reshare> reshares = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                reshares.add(new Reshare(random.nextInt(20_000), random.nextInt(4) == 0 ? -1 : (long) Math.exp(10 * random.nextDouble())));
            }
            long root = random.nextInt(5) == 0 ? -1 : random.nextInt(10_000_000);
            long at = 1 + random.nextInt(100_000);
            Forecast f = forecaster.forecast(root, reshares, at);
            long seen = reshares.stream().filter(r -> r.offsetSeconds() <= at).count();
            assertEquals(seen + 1, f.observed());
            assertTrue(f.predictedFinal() >= f.observed(), f.toString());
            assertTrue(f.low() >= f.observed() && f.low() <= f.predictedFinal() && f.predictedFinal() <= f.high(), f.toString());
            assertTrue(Double.isFinite(f.high()), f.toString());
            assertTrue(f.secondsToFinal() == null || f.secondsToFinal() >= 0, f.toString());
        }
    }

    @Test
    void aRootWithNoResharesPredictsAboutOne() {
        Forecast f = forecaster.forecast(100, List.of(), 3600);
        assertEquals(1, f.observed());
        assertEquals(1.0, f.predictedFinal(), 0.5);
        assertEquals(1.0, f.low());
        Forecast late = forecaster.forecast(100, List.of(new Reshare(7200, 50)), 3600); // after the window
        assertEquals(f, late);
    }

    @Test
    void moreEarlyResharesAndBiggerAccountsPredictMore() {
        double few = forecaster.forecast(1000, story(5, 3000, 200), 3600).predictedFinal();
        double many = forecaster.forecast(1000, story(50, 3000, 200), 3600).predictedFinal();
        double manyBig = forecaster.forecast(1000, story(50, 3000, 200_000), 3600).predictedFinal();
        assertTrue(many > few, few + " vs " + many);
        assertTrue(manyBig > many, many + " vs " + manyBig);
        double slow = forecaster.forecast(1000, story(50, 86_000, 200), 86_400).predictedFinal();
        assertTrue(slow < many + 50, "a story that took a day to get its reshares has little left: " + slow);
    }

    @Test
    void incrementalEqualsBatch() {
        List<Reshare> reshares = story(2000, 3600, 300);
        ForecastState state = forecaster.start(50_000);
        for (int i = 0; i < reshares.size(); i++) {
            state.add(reshares.get(i));
            if (i % 97 == 0 || i == reshares.size() - 1) {
                long at = reshares.get(i).offsetSeconds();
                Forecast batch = forecaster.forecast(50_000, reshares.subList(0, i + 1), at);
                assertEquals(batch, state.forecast(at));
            }
        }
        assertNotNull(state.forecast(3600).secondsToFinal());
    }

    @Test
    void afterTheHorizonTheForecastIsWhatWasSeen() {
        Forecast f = forecaster.forecast(1000, story(30, 3600, 500), 90_000);
        assertEquals(31, f.observed());
        assertEquals(31.0, f.predictedFinal(), 1e-9);
        assertEquals(0.0, f.secondsToFinal());
    }

    @Test
    void bundledParametersRoundTrip() {
        ViralityParameters p = forecaster.parameters();
        ViralityParameters again = ViralityParameters.parse(p.format("test"));
        assertEquals(p.format(""), again.format(""));
        assertEquals(ForecastState.FEATURES.size(), p.coef().length);
    }
}
