package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalarExpressionTest {
    @Test
    void computesJAndFeedsAnIntermediate() {
        Printed<double[]> p = Printed.of(ScalarExpression::run);
        // 3 * (5 + 3 * 2) = 33; with u = b * c fed as 10: 3 * (5 + 10) = 45.
        assertArrayEquals(new double[] {33.0, 45.0}, p.value);
        assertTrue(p.text.contains("a = 5, b = 3, c = 2  ->  J = 33.0"), p.text);
        assertTrue(p.text.contains("a = 5, u = b * c fed as 10  ->  J = 45.0"), p.text);
        // a, b, c, the constant 3, u, v, J
        assertTrue(p.text.contains("7 nodes"), p.text);
    }
}
