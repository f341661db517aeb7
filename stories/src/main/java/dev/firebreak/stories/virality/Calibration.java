package dev.firebreak.stories.virality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the forecaster's log-linear correction and its band on training cascades. Each cascade is
 * observed at several times (so the forecaster works at any age, not just at 1 h), and every source
 * weighs the same in total (otherwise thousands of tiny auspol cascades would decide everything).
 * The correction is weighted least squares of {@code log2(final+1) − log2(observed+1)} on
 * {@link ForecastState#FEATURES} with a tiny ridge; the band is the weighted 10th/90th percentile of
 * the log2 residual per observed-size bucket.
 */
final class Calibration {
    /** Observation times the fit samples (seconds). */
    static final long[] TIMES = {900, 1800, 3600, 7200, 14400};
    private static final double RIDGE = 1e-6;

    private Calibration() { }

    static ViralityParameters fit(ViralityParameters start, List<Cascade> train) {
        Forecaster base = new Forecaster(start);
        int k = ForecastState.FEATURES.size();
        Map<String, Integer> perSource = new HashMap<>();
        for (Cascade c : train) perSource.merge(c.source(), 1, Integer::sum);
        List<double[]> rows = new ArrayList<>();
        List<double[]> targets = new ArrayList<>(); // {y, base, weight, observed}
        for (Cascade c : train) {
            int finalSize = c.sizeAt((long) start.horizonSeconds());
            double weight = 1.0 / perSource.get(c.source()) / TIMES.length;
            for (long t : TIMES) {
                ForecastState s = c.state(base, t);
                int observed = c.sizeAt(t);
                double[] x = new double[k];
                s.features(t, observed, x);
                rows.add(x);
                targets.add(new double[] {ForecastState.log2p1(finalSize), ForecastState.log2p1(observed), weight, observed});
            }
        }
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r);
            double w = targets.get(r)[2];
            double y = targets.get(r)[0] - targets.get(r)[1];
            for (int i = 0; i < k; i++) {
                b[i] += w * x[i] * y;
                for (int j = 0; j < k; j++) a[i][j] += w * x[i] * x[j];
            }
        }
        for (int i = 0; i < k; i++) a[i][i] += RIDGE;
        double[] coef = solve(a, b);
        int buckets = ViralityParameters.BUCKETS;
        List<List<double[]>> residuals = new ArrayList<>();
        for (int i = 0; i < buckets; i++) residuals.add(new ArrayList<>());
        for (int r = 0; r < rows.size(); r++) {
            double[] x = rows.get(r);
            double[] tg = targets.get(r);
            double dot = 0;
            for (int i = 0; i < k; i++) dot += coef[i] * x[i];
            double predicted = tg[1] + Math.max(0, dot);
            residuals.get(ViralityParameters.bucket((int) tg[3])).add(new double[] {tg[0] - predicted, tg[2]});
        }
        double[] low = new double[buckets];
        double[] high = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            low[i] = Scores.weightedQuantile(residuals.get(i), 0.10);
            high[i] = Scores.weightedQuantile(residuals.get(i), 0.90);
        }
        return start.withFit(coef, low, high);
    }

    /** Gaussian elimination with partial pivoting; {@code a} and {@code b} are overwritten. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] row = a[col];
            a[col] = a[pivot];
            a[pivot] = row;
            double tmp = b[col];
            b[col] = b[pivot];
            b[pivot] = tmp;
            if (a[col][col] == 0) throw new IllegalStateException("singular system: a feature never varies");
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) a[r][c] -= f * a[col][c];
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) sum -= a[r][c] * x[c];
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
