package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * The dimensions of a tensor, or what is statically known of them.
 *
 * <p>A tensor's shape is always fully known. The static shape of a graph output may hold unknown
 * dimensions ({@code -1}), as a placeholder {@code [-1, 784]} does for "any batch size", or an
 * unknown rank ({@link #unknown()}). Shapes are immutable values.
 *
 * <pre>{@code
 * Shape batch = Shape.of(-1, 784);                    // any number of rows
 * Shape.broadcast(Shape.of(2, 1), Shape.of(3));       // [2, 3], as NumPy broadcasts
 * batch.isCompatibleWith(Shape.of(128, 784));         // true
 * }</pre>
 */
public final class Shape {
    /** The marker for a dimension whose size is not known statically. */
    public static final long UNKNOWN_DIM = -1;

    private static final Shape SCALAR = new Shape(new long[0]);
    private static final Shape UNKNOWN = new Shape(null);

    /** Null when the rank is unknown. */
    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    /**
     * Returns the shape with the given dimensions.
     *
     * @param dims each dimension's size, or {@code -1} where it is unknown
     * @return the shape
     * @throws IllegalArgumentException if a dimension is below -1
     */
    public static Shape of(long... dims) {
        checkNotNull(dims, "dims");
        for (int i = 0; i < dims.length; i++) {
            checkArgument(dims[i] >= UNKNOWN_DIM,
                    "dimension %s of %s is %s; sizes are >= 0, or -1 for unknown", i, Arrays.toString(dims), dims[i]);
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /**
     * Returns the shape of a scalar: rank 0, one element.
     *
     * @return the scalar shape {@code []}
     */
    public static Shape scalar() {
        return SCALAR;
    }

    /**
     * Returns the shape whose rank is not known.
     *
     * @return the shape of unknown rank, printed {@code <unknown>}
     */
    public static Shape unknown() {
        return UNKNOWN;
    }

    /**
     * Returns a shape of the given rank whose dimensions are all unknown.
     *
     * @param rank the number of dimensions
     * @return {@code [-1, ..., -1]}
     */
    public static Shape unknownDims(int rank) {
        checkArgument(rank >= 0, "rank %s is negative", rank);
        long[] d = new long[rank];
        Arrays.fill(d, UNKNOWN_DIM);
        return new Shape(d);
    }

    /**
     * Tells whether the rank is known.
     *
     * @return false only for {@link #unknown()}
     */
    public boolean hasKnownRank() {
        return dims != null;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank
     * @throws IllegalStateException if the rank is unknown
     */
    public int rank() {
        requireKnownRank();
        return dims.length;
    }

    /**
     * Returns one dimension's size.
     *
     * @param axis the dimension, counted from 0; negative values count from the end, as in NumPy
     * @return the size, or -1 if it is unknown
     * @throws IllegalStateException if the rank is unknown
     * @throws IndexOutOfBoundsException if the axis is out of range
     */
    public long dim(int axis) {
        requireKnownRank();
        int a = axis < 0 ? axis + dims.length : axis;
        checkElementIndex(a, dims.length, "axis " + axis + " of shape " + this);
        return dims[a];
    }

    /**
     * Returns a copy of the dimensions.
     *
     * @return the sizes, -1 where unknown
     * @throws IllegalStateException if the rank is unknown
     */
    public long[] dims() {
        requireKnownRank();
        return dims.clone();
    }

    /**
     * Tells whether the rank and every dimension are known.
     *
     * @return true if this shape can be the shape of a tensor
     */
    public boolean isFullyDefined() {
        if (dims == null) {
            return false;
        }
        for (long d : dims) {
            if (d == UNKNOWN_DIM) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the number of elements: the product of the dimensions.
     *
     * @return the element count (1 for a scalar), or -1 if any dimension or the rank is unknown
     * @throws ArithmeticException if the product overflows a long
     */
    public long size() {
        if (!isFullyDefined()) {
            return UNKNOWN_DIM;
        }
        for (long d : dims) {
            if (d == 0) {
                // Checked first so that [huge, huge, 0] is 0, not an overflow.
                return 0;
            }
        }
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /**
     * Tells whether a tensor of shape {@code other} could have this static shape: same rank (or
     * one of them unknown) and equal sizes wherever both are known.
     *
     * @param other the other shape
     * @return true if the two shapes do not contradict each other
     */
    public boolean isCompatibleWith(Shape other) {
        checkNotNull(other, "other");
        if (dims == null || other.dims == null) {
            return true;
        }
        if (dims.length != other.dims.length) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != UNKNOWN_DIM && other.dims[i] != UNKNOWN_DIM && dims[i] != other.dims[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the shape that NumPy's broadcasting rules give two operands.
     *
     * <p>Shapes are aligned at their last dimension; a missing leading dimension counts as 1; two
     * aligned sizes must be equal or one of them 1. An unknown size broadcast against 1 or an
     * unknown size stays unknown; against a known size above 1 it takes that size. An unknown rank
     * on either side gives an unknown rank.
     *
     * @param a one operand's shape
     * @param b the other operand's shape
     * @return the broadcast shape
     * @throws IllegalArgumentException naming both shapes if they cannot be broadcast
     */
    public static Shape broadcast(Shape a, Shape b) {
        checkNotNull(a, "a");
        checkNotNull(b, "b");
        if (a.dims == null || b.dims == null) {
            return UNKNOWN;
        }
        int rank = Math.max(a.dims.length, b.dims.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = dimFromEnd(a.dims, rank - 1 - i);
            long y = dimFromEnd(b.dims, rank - 1 - i);
            long r = broadcastDim(x, y);
            if (r < UNKNOWN_DIM) {
                throw new IllegalArgumentException("shapes " + a + " and " + b
                        + " cannot be broadcast: dimension " + x + " does not match " + y);
            }
            out[i] = r;
        }
        return rank == 0 ? SCALAR : new Shape(out);
    }

    /** Dimension {@code fromEnd} places before the last, or 1 where the shape is too short. */
    private static long dimFromEnd(long[] dims, int fromEnd) {
        int i = dims.length - 1 - fromEnd;
        return i >= 0 ? dims[i] : 1;
    }

    /** Returns the broadcast of two sizes, or -2 when they conflict. */
    private static long broadcastDim(long x, long y) {
        if (x == y || y == 1) {
            return x;
        }
        if (x == 1) {
            return y;
        }
        if (x == UNKNOWN_DIM) {
            return y;
        }
        if (y == UNKNOWN_DIM) {
            return x;
        }
        return -2;
    }

    private void requireKnownRank() {
        if (dims == null) {
            throw new IllegalStateException("the rank of this shape is unknown");
        }
    }

    /**
     * Compares dimensions exactly: {@code [-1, 3]} equals {@code [-1, 3]} but not {@code [2, 3]}.
     *
     * @param o the other object
     * @return true if {@code o} is a shape with the same rank and the same dimensions
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /**
     * Returns the dimensions as NumPy prints them, {@code -1} where unknown, e.g. {@code [-1, 784]};
     * {@code []} for a scalar and {@code <unknown>} for an unknown rank.
     *
     * @return the printed shape
     */
    @Override
    public String toString() {
        return dims == null ? "<unknown>" : Arrays.toString(dims);
    }
}
