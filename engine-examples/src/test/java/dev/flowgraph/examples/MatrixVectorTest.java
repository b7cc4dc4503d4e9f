package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixVectorTest {
    @Test
    void smallProductByHandAndLargeProductAgainstAPlainLoop() {
        Printed<double[]> p = Printed.of(MatrixVector::run);
        // [1*10 + 2*100, -1*10 - 2*100] = [210, -210]
        assertEquals(210.0, p.value[0]);
        assertEquals(-210.0, p.value[1]);
        assertTrue(p.text.contains("[[1, 2], [-1, -2]] . [10, 100] = [210.0, -210.0]"), p.text);
        // Sums of 1000 products of unit Gaussians are ~30 in size; only rounding may differ.
        assertTrue(p.value[2] < 1e-9, "largest difference " + p.value[2]);
        assertTrue(p.text.contains("1000x1000 random matrix . vector"), p.text);
    }
}
