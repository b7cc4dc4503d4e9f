package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The scalar operations behind Pow, Mod, Maximum and Minimum. */
class ArithmeticTest {
    @Test
    void powFollowsC99WhereMathPowDiffers() {
        assertEquals(Double.NaN, Math.pow(1.0, Double.NaN), "the JDK's answer, which NumPy does not give");
        assertEquals(1.0, Arithmetic.pow(1.0, Double.NaN));
        assertEquals(1.0, Arithmetic.pow(1.0, Double.POSITIVE_INFINITY));
        assertEquals(1.0, Arithmetic.pow(-1.0, Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Arithmetic.pow(Double.NaN, 0.0));
        assertEquals(Double.NaN, Arithmetic.pow(-1.0, 0.5));
        assertEquals(0.125, Arithmetic.pow(2.0, -3.0));
    }

    @Test
    void integerPowIsExactAndWraps() {
        // 3^39 = 4052555153018976267 < 2^63; 3^40 = 12157665459056928801 wraps to 12157665459056928801 - 2^64.
        assertEquals(4_052_555_153_018_976_267L, Arithmetic.pow(3L, 39L));
        assertEquals(-6_289_078_614_652_622_815L, Arithmetic.pow(3L, 40L));
        assertEquals(1L, Arithmetic.pow(0L, 0L));
        assertEquals(0L, Arithmetic.pow(0L, Long.MAX_VALUE));
        assertEquals(-1L, Arithmetic.pow(-1L, Long.MAX_VALUE));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Arithmetic.pow(2L, -1L));
        assertEquals("integer power with the negative exponent -1; cast to a float dtype first", e.getMessage());
    }

    @Test
    void modTakesTheDivisorsSign() {
        assertEquals(2L, Arithmetic.mod(-7L, 3L));
        assertEquals(-2L, Arithmetic.mod(7L, -3L));
        assertEquals(0L, Arithmetic.mod(Long.MIN_VALUE, -1L));
        assertEquals("integer modulo by zero", assertThrows(ArithmeticException.class, () -> Arithmetic.mod(1L, 0L))
                .getMessage());
        // fmod(-7.5, 2) = -1.5, signs differ, so -1.5 + 2 = 0.5.
        assertEquals(0.5, Arithmetic.mod(-7.5, 2.0));
        assertEquals(-0.0, Arithmetic.mod(4.0, -2.0));
        assertEquals(Double.POSITIVE_INFINITY, Arithmetic.mod(-3.0, Double.POSITIVE_INFINITY));
        assertEquals(3.0, Arithmetic.mod(3.0, Double.POSITIVE_INFINITY));
        // 1e300 = q * 1e-300 + r with an astronomically large q: the exact remainder, not 1e300 - inf.
        assertEquals(1e300 % 1e-300, Arithmetic.mod(1e300, 1e-300));
        assertEquals(Double.NaN, Arithmetic.mod(1.0, 0.0));
    }

    @Test
    void maximumAndMinimumPropagateNaNAndPreferTheSecondOfEqualOperands() {
        assertEquals(Double.NaN, Arithmetic.maximum(Double.NaN, 1.0));
        assertEquals(Double.NaN, Arithmetic.maximum(1.0, Double.NaN));
        assertEquals(Double.NaN, Arithmetic.minimum(Double.NaN, 1.0));
        assertEquals(Double.NaN, Arithmetic.minimum(1.0, Double.NaN));
        assertEquals(0.0, Arithmetic.maximum(-0.0, 0.0));
        assertEquals(-0.0, Arithmetic.maximum(0.0, -0.0));
        assertEquals(0.0, Arithmetic.minimum(-0.0, 0.0));
        assertEquals(2.0, Arithmetic.maximum(-3.0, 2.0));
        assertEquals(-3.0, Arithmetic.minimum(-3.0, 2.0));
    }
}
