package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link Shape}: construction, accessors, size, compatibility, value semantics and
 * NumPy broadcasting. Broadcast results follow NumPy's rules, worked out by hand: align at the
 * last dimension, pad the shorter shape with leading 1s, then each pair must be equal or one 1.
 */
class ShapeTest {

    /** Parses "2,3" into Shape.of(2, 3), "" into the scalar and "?" into the unknown rank. */
    private static Shape parse(String s) {
        if (s.equals("?")) {
            return Shape.unknown();
        }
        if (s.isBlank()) {
            return Shape.scalar();
        }
        String[] parts = s.split(",");
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dims[i] = Long.parseLong(parts[i].trim());
        }
        return Shape.of(dims);
    }

    // ---------------------------------------------------------------- construction

    @Test
    void ofKeepsDimensionsInOrder() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(3, s.rank());
        assertArrayEquals(new long[] {2, 3, 4}, s.dims());
        assertTrue(s.hasKnownRank());
    }

    @Test
    void ofWithNoDimensionsIsTheScalar() {
        assertSame(Shape.scalar(), Shape.of());
        assertEquals(0, Shape.scalar().rank());
        assertArrayEquals(new long[0], Shape.scalar().dims());
    }

    @Test
    void ofCopiesTheCallersArray() {
        long[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 99;
        assertEquals(Shape.of(2, 3), s);
    }

    @Test
    void ofAcceptsZeroAndUnknownDimensions() {
        assertEquals(0, Shape.of(0).dim(0));
        assertEquals(Shape.UNKNOWN_DIM, Shape.of(-1, 784).dim(0));
        assertEquals(-1, Shape.UNKNOWN_DIM);
    }

    @Test
    void ofRefusesDimensionsBelowMinusOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -2));
        assertTrue(e.getMessage().contains("dimension 1 of [2, -2] is -2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shape.of(-2));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(Long.MIN_VALUE));
    }

    @Test
    void ofRefusesNull() {
        assertThrows(NullPointerException.class, () -> Shape.of((long[]) null));
    }

    @Test
    void unknownHasNoRank() {
        Shape u = Shape.unknown();
        assertFalse(u.hasKnownRank());
        assertFalse(u.isFullyDefined());
        assertEquals(-1, u.size());
        IllegalStateException e = assertThrows(IllegalStateException.class, u::rank);
        assertTrue(e.getMessage().contains("rank"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> u.dim(0));
        assertThrows(IllegalStateException.class, u::dims);
    }

    @Test
    void unknownDimsGivesKnownRankOfUnknownSizes() {
        Shape s = Shape.unknownDims(3);
        assertTrue(s.hasKnownRank());
        assertEquals(3, s.rank());
        assertArrayEquals(new long[] {-1, -1, -1}, s.dims());
        assertFalse(s.isFullyDefined());
        assertEquals(Shape.of(-1, -1, -1), s);
    }

    @Test
    void unknownDimsOfRankZeroIsTheScalar() {
        Shape s = Shape.unknownDims(0);
        assertEquals(Shape.scalar(), s);
        assertTrue(s.isFullyDefined());
        assertEquals(1, s.size());
    }

    @Test
    void unknownDimsRefusesNegativeRank() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.unknownDims(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    // ---------------------------------------------------------------- accessors

    @Test
    void dimCountsNegativeAxesFromTheEnd() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(2, s.dim(0));
        assertEquals(4, s.dim(2));
        assertEquals(4, s.dim(-1));
        assertEquals(3, s.dim(-2));
        assertEquals(2, s.dim(-3));
    }

    @Test
    void dimOutOfRangeThrowsIndexOutOfBounds() {
        Shape s = Shape.of(2, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> s.dim(2));
        assertTrue(e.getMessage().contains("axis 2 of shape [2, 3]"), e.getMessage());
        IndexOutOfBoundsException neg = assertThrows(IndexOutOfBoundsException.class, () -> s.dim(-3));
        assertTrue(neg.getMessage().contains("axis -3 of shape [2, 3]"), neg.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Shape.scalar().dim(0));
        assertThrows(IndexOutOfBoundsException.class, () -> Shape.scalar().dim(-1));
    }

    @Test
    void dimsReturnsACopy() {
        Shape s = Shape.of(2, 3);
        long[] d = s.dims();
        d[0] = 7;
        assertArrayEquals(new long[] {2, 3}, s.dims());
        assertEquals(2, s.dim(0));
        assertNotSameArray(s.dims(), s.dims());
    }

    private static void assertNotSameArray(long[] a, long[] b) {
        assertFalse(a == b, "dims() must return a fresh array each call");
    }

    @Test
    void isFullyDefined() {
        assertTrue(Shape.scalar().isFullyDefined());
        assertTrue(Shape.of(2, 3).isFullyDefined());
        assertTrue(Shape.of(0).isFullyDefined());
        assertFalse(Shape.of(2, -1).isFullyDefined());
        assertFalse(Shape.of(-1).isFullyDefined());
        assertFalse(Shape.unknown().isFullyDefined());
    }

    // ---------------------------------------------------------------- size

    @Test
    void sizeIsTheProductOfTheDimensions() {
        assertEquals(1, Shape.scalar().size());
        assertEquals(6, Shape.of(2, 3).size());
        assertEquals(24, Shape.of(2, 3, 4).size());
        assertEquals(0, Shape.of(5, 0, 3).size());
        assertEquals(7, Shape.of(7).size());
    }

    @Test
    void sizeIsMinusOneWhenAnythingIsUnknown() {
        assertEquals(-1, Shape.of(-1, 784).size());
        assertEquals(-1, Shape.of(3, -1).size());
        assertEquals(-1, Shape.unknownDims(2).size());
        assertEquals(-1, Shape.unknown().size());
    }

    @Test
    void sizeOverflowThrowsArithmeticException() {
        assertThrows(ArithmeticException.class, () -> Shape.of(Long.MAX_VALUE, 2).size());
        assertThrows(ArithmeticException.class, () -> Shape.of(1L << 32, 1L << 32).size());
        // 2^31 * 2^31 = 2^62 still fits.
        assertEquals(1L << 62, Shape.of(1L << 31, 1L << 31).size());
    }

    @Test
    void sizeWithAZeroDimensionNeverOverflows() {
        // Long.MAX_VALUE * 2 * 0 = 0: the product does not overflow a long.
        assertEquals(0, Shape.of(Long.MAX_VALUE, 2, 0).size());
    }

    // ---------------------------------------------------------------- compatibility

    @Test
    void compatibleWhenEqual() {
        assertTrue(Shape.of(2, 3).isCompatibleWith(Shape.of(2, 3)));
        assertTrue(Shape.scalar().isCompatibleWith(Shape.scalar()));
    }

    @Test
    void compatibleWhereADimensionIsUnknownOnEitherSide() {
        assertTrue(Shape.of(-1, 784).isCompatibleWith(Shape.of(128, 784)));
        assertTrue(Shape.of(128, 784).isCompatibleWith(Shape.of(-1, 784)));
        assertTrue(Shape.of(-1, -1).isCompatibleWith(Shape.of(5, 6)));
        assertFalse(Shape.of(-1, 784).isCompatibleWith(Shape.of(128, 783)));
    }

    @Test
    void unknownRankIsCompatibleWithEverything() {
        assertTrue(Shape.unknown().isCompatibleWith(Shape.of(2, 3)));
        assertTrue(Shape.of(2, 3).isCompatibleWith(Shape.unknown()));
        assertTrue(Shape.unknown().isCompatibleWith(Shape.scalar()));
        assertTrue(Shape.unknown().isCompatibleWith(Shape.unknown()));
    }

    @Test
    void incompatibleWhenRanksOrKnownSizesDiffer() {
        assertFalse(Shape.of(2, 3).isCompatibleWith(Shape.of(2, 3, 1)));
        assertFalse(Shape.of(-1).isCompatibleWith(Shape.of(-1, -1)));
        assertFalse(Shape.scalar().isCompatibleWith(Shape.of(1)));
        assertFalse(Shape.of(2, 3).isCompatibleWith(Shape.of(3, 2)));
    }

    @Test
    void isCompatibleWithRefusesNull() {
        assertThrows(NullPointerException.class, () -> Shape.of(2).isCompatibleWith(null));
    }

    // ---------------------------------------------------------------- value semantics

    @Test
    void equalsComparesDimensionsExactly() {
        assertEquals(Shape.of(2, 3), Shape.of(2, 3));
        assertEquals(Shape.of(2, 3).hashCode(), Shape.of(2, 3).hashCode());
        assertEquals(Shape.of(-1, 3), Shape.of(-1, 3));
        assertEquals(Shape.of(-1, 3).hashCode(), Shape.of(-1, 3).hashCode());
        assertNotEquals(Shape.of(-1, 3), Shape.of(2, 3));
        assertNotEquals(Shape.of(2, 3), Shape.of(3, 2));
        assertNotEquals(Shape.of(1), Shape.scalar());
        assertNotEquals(Shape.of(2, 3), Shape.of(2, 3, 1));
        assertNotEquals(Shape.unknown(), Shape.scalar());
        assertNotEquals(Shape.scalar(), Shape.unknown());
        assertEquals(Shape.unknown(), Shape.unknown());
        assertNotEquals(Shape.of(2), "[2]");
        assertFalse(Shape.of(2).equals(null));
    }

    @Test
    void toStringPrintsLikeNumPy() {
        assertEquals("[2, 3]", Shape.of(2, 3).toString());
        assertEquals("[]", Shape.scalar().toString());
        assertEquals("<unknown>", Shape.unknown().toString());
        assertEquals("[-1, 784]", Shape.of(-1, 784).toString());
        assertEquals("[0]", Shape.of(0).toString());
    }

    // ---------------------------------------------------------------- broadcasting

    @ParameterizedTest(name = "{0} & {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "2,3   | 3     | 2,3",
        "3     | 2,3   | 2,3",
        "2,1   | 1,3   | 2,3",
        "5,1,4 | 3,1   | 5,3,4",
        "3,1   | 5,1,4 | 5,3,4",
        "''    | 4     | 4",
        "4     | ''    | 4",
        "''    | ''    | ''",
        "2,3   | 2,3   | 2,3",
        "0,3   | 3     | 0,3",
        "0     | 1     | 0",
        "1     | 0     | 0",
        "-1,3  | 3     | -1,3",
        "-1    | 1     | -1",
        "1     | -1    | -1",
        "-1    | 5     | 5",
        "5     | -1    | 5",
        "-1    | -1    | -1",
        "?     | 2,3   | ?",
        "2,3   | ?     | ?",
        "?     | ?     | ?",
        "?     | ''    | ?",
    })
    void broadcastFollowsNumPy(String a, String b, String expected) {
        assertEquals(parse(expected), Shape.broadcast(parse(a), parse(b)));
    }

    @Test
    void broadcastOfTwoScalarsIsTheScalar() {
        assertSame(Shape.scalar(), Shape.broadcast(Shape.scalar(), Shape.scalar()));
    }

    @ParameterizedTest(name = "{0} & {1} refused")
    @CsvSource(delimiter = '|', value = {
        "2,3 | 4   | [2, 3] | [4]",
        "2   | 3   | [2]    | [3]",
        "0   | 2   | [0]    | [2]",
        "2,3 | 3,3 | [2, 3] | [3, 3]",
    })
    void broadcastRefusesMismatchedShapesNamingBoth(String a, String b, String printedA, String printedB) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shape.broadcast(parse(a), parse(b)));
        assertTrue(e.getMessage().contains(printedA), e.getMessage());
        assertTrue(e.getMessage().contains(printedB), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be broadcast"), e.getMessage());
    }

    @Test
    void broadcastMessageNamesTheConflictingSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shape.broadcast(Shape.of(2, 3), Shape.of(4)));
        assertEquals("shapes [2, 3] and [4] cannot be broadcast: dimension 3 does not match 4", e.getMessage());
    }

    @Test
    void broadcastRefusesNull() {
        assertThrows(NullPointerException.class, () -> Shape.broadcast(null, Shape.scalar()));
        assertThrows(NullPointerException.class, () -> Shape.broadcast(Shape.scalar(), null));
    }
}
