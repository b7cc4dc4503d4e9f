package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LinearRegressionTest {
    @Test
    void fitsTheLineAndPrintsTheCostFalling() {
        Printed<LinearRegression.Fit> p = Printed.of(LinearRegression::run);
        double[] theta = p.value.theta();
        // The data came from y = 2x + 1 + N(0, 0.1²) over 100 points with x in [0, 2): the least
        // squares fit is within about 0.1 / sqrt(100) / 0.58 ≈ 0.02 of (1, 2) per standard error.
        assertEquals(1.0, theta[0], 0.05, p.text);
        assertEquals(2.0, theta[1], 0.05, p.text);
        double[] costs = p.value.costs();
        assertEquals(LinearRegression.STEPS / LinearRegression.PRINT_EVERY + 1, costs.length);
        for (int i = 1; i < costs.length; i++) {
            assertTrue(costs[i] <= costs[i - 1], "cost rose at print " + i + ": " + p.text);
        }
        // At θ = 0 the cost is mean(y²) / 2, with y between 1 and 5: more than 0.5.
        assertTrue(costs[0] > 0.5, p.text);
        // At the optimum it is about the noise's variance / 2 = 0.005.
        assertTrue(costs[costs.length - 1] < 0.01, p.text);
        assertTrue(p.text.contains("step    0  cost "), p.text);
        assertTrue(p.text.contains("step  500  cost "), p.text);
        assertTrue(p.text.contains(String.format("fitted θ = (%.4f, %.4f)", theta[0], theta[1])), p.text);
    }
}
