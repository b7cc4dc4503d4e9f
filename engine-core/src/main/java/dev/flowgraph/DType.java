package dev.flowgraph;

import java.util.Locale;

/**
 * The element type of a tensor.
 *
 * <p>Dtypes never change silently: an op whose inputs disagree is refused when it is added to the
 * graph, a feed of the wrong dtype is refused before a run starts, and {@code cast} is the only
 * op that changes a dtype.
 *
 * <pre>{@code
 * Tensor t = Tensor.vector(1f, 2f);
 * assert t.dtype() == DType.FLOAT32;
 * }</pre>
 */
public enum DType {
    /** 32-bit IEEE 754 floating point, stored in a {@code float[]}. */
    FLOAT32(4),
    /** 64-bit IEEE 754 floating point, stored in a {@code double[]}. */
    FLOAT64(8),
    /** 32-bit two's-complement integer, stored in an {@code int[]}. */
    INT32(4),
    /** 64-bit two's-complement integer, stored in a {@code long[]}. */
    INT64(8),
    /** Boolean, stored in a {@code boolean[]}. */
    BOOL(1);

    private final int byteSize;
    private final String displayName;

    DType(int byteSize) {
        this.byteSize = byteSize;
        this.displayName = name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the number of bytes one element occupies in a serialized tensor.
     *
     * @return 4 for FLOAT32 and INT32, 8 for FLOAT64 and INT64, 1 for BOOL
     */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Tells whether this is FLOAT32 or FLOAT64.
     *
     * @return true for the floating-point dtypes
     */
    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * Tells whether this is INT32 or INT64.
     *
     * @return true for the integer dtypes
     */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /**
     * Tells whether arithmetic is defined on this dtype (every dtype but BOOL).
     *
     * @return true for the floating-point and integer dtypes
     */
    public boolean isNumeric() {
        return this != BOOL;
    }

    /**
     * Returns the lower-case name used in messages and NumPy ({@code "float32"}).
     *
     * @return the NumPy-style name of this dtype
     */
    @Override
    public String toString() {
        return displayName;
    }
}
