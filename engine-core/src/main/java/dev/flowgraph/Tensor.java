package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * An immutable, dense, row-major n-dimensional array of one {@link DType}, backed by one
 * primitive array.
 *
 * <p>Factories copy the arrays they are given and reads return copies, so a tensor never changes
 * once made. Typed reads accept the tensor's own dtype and exact widenings only: {@code getDouble}
 * reads FLOAT64, FLOAT32 and INT32 (and INT64, rounding beyond 2^53); {@code getLong} reads INT64
 * and INT32; {@code getFloat}, {@code getInt} and {@code getBoolean} read their own dtype. Equality
 * compares dtype, shape and values bit for bit (so NaN equals NaN and 0.0 differs from -0.0).
 *
 * <pre>{@code
 * Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
 * m.shape();                 // [2, 2]
 * m.getDouble(1, 0);         // 3.0
 * Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3)).toFloatArray();
 * System.out.println(m);     // Tensor(float64 [2, 2])
 *                            // [[1.0 2.0]
 *                            //  [3.0 4.0]]
 * }</pre>
 */
public final class Tensor {
    /** The most elements one tensor can hold: the largest Java array the JVM allocates. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private static final int PRINT_THRESHOLD = 1000;
    private static final int PRINT_EDGE_ITEMS = 3;

    private final DType dtype;
    private final Shape shape;
    /**
     * A float[], double[], int[], long[] or boolean[], by dtype; never modified. Its length is the
     * size, read from it rather than kept in a field: three fields make a 24-byte object where
     * four take 32, which is a seventh of the bytes a small run allocates (docs/benchmarks.md).
     */
    private final Object data;

    private Tensor(DType dtype, Shape shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Wraps an array without copying it; the tensor owns it from now on. Reached by
     * {@link dev.flowgraph.spi.TensorBuffers} so that kernels avoid a copy per output.
     */
    @SuppressWarnings("unused")
    private static Tensor wrap(DType dtype, Shape shape, Object data) {
        checkNotNull(dtype, "dtype");
        checkNotNull(data, "data");
        int n = java.lang.reflect.Array.getLength(data);
        checkArgument(elementCount(shape) == n, "shape %s needs %s elements but %s were given",
                shape, shape.size(), n);
        Class<?> expected = arrayClass(dtype);
        checkArgument(data.getClass() == expected, "a %s tensor is backed by a %s, not a %s",
                dtype, expected.getSimpleName(), data.getClass().getSimpleName());
        return new Tensor(dtype, shape, data);
    }

    /**
     * Returns the number of elements a tensor of this shape holds, checking that it can exist.
     *
     * @param shape a shape
     * @return the element count
     * @throws IllegalArgumentException if the shape is not fully defined or holds more than
     *     {@link #MAX_SIZE} elements
     */
    static int elementCount(Shape shape) {
        checkNotNull(shape, "shape");
        checkArgument(shape.isFullyDefined(), "a tensor's shape must be fully defined, not %s", shape);
        long n;
        try {
            n = shape.size();
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
        }
        checkArgument(n <= MAX_SIZE, "shape %s holds %s elements; a tensor holds at most %s",
                shape, n == Long.MAX_VALUE ? "more than 2^63" : n, MAX_SIZE);
        return (int) n;
    }

    private static Class<?> arrayClass(DType dtype) {
        switch (dtype) {
            case FLOAT32: return float[].class;
            case FLOAT64: return double[].class;
            case INT32: return int[].class;
            case INT64: return long[].class;
            case BOOL: return boolean[].class;
            default: throw new AssertionError(dtype);
        }
    }

    private static Tensor copyOf(DType dtype, Object array, int length, Shape shape) {
        checkNotNull(array, "data");
        int n = elementCount(shape);
        checkArgument(n == length, "shape %s needs %s elements but %s were given", shape, n, length);
        return new Tensor(dtype, shape, copyArray(array));
    }

    private static Object copyArray(Object array) {
        if (array instanceof float[]) {
            return ((float[]) array).clone();
        } else if (array instanceof double[]) {
            return ((double[]) array).clone();
        } else if (array instanceof int[]) {
            return ((int[]) array).clone();
        } else if (array instanceof long[]) {
            return ((long[]) array).clone();
        }
        return ((boolean[]) array).clone();
    }

    // ---- factories -------------------------------------------------------------------------

    /**
     * Returns a FLOAT64 scalar.
     *
     * @param value the value
     * @return a rank-0 tensor
     */
    public static Tensor scalar(double value) {
        return new Tensor(DType.FLOAT64, Shape.scalar(), new double[] {value});
    }

    /**
     * Returns a FLOAT32 scalar.
     *
     * @param value the value
     * @return a rank-0 tensor
     */
    public static Tensor scalar(float value) {
        return new Tensor(DType.FLOAT32, Shape.scalar(), new float[] {value});
    }

    /**
     * Returns an INT32 scalar.
     *
     * @param value the value
     * @return a rank-0 tensor
     */
    public static Tensor scalar(int value) {
        return new Tensor(DType.INT32, Shape.scalar(), new int[] {value});
    }

    /**
     * Returns an INT64 scalar.
     *
     * @param value the value
     * @return a rank-0 tensor
     */
    public static Tensor scalar(long value) {
        return new Tensor(DType.INT64, Shape.scalar(), new long[] {value});
    }

    /**
     * Returns a BOOL scalar.
     *
     * @param value the value
     * @return a rank-0 tensor
     */
    public static Tensor scalar(boolean value) {
        return new Tensor(DType.BOOL, Shape.scalar(), new boolean[] {value});
    }

    /**
     * Returns a FLOAT64 vector.
     *
     * @param values the elements (copied)
     * @return a rank-1 tensor of shape {@code [values.length]}
     */
    public static Tensor vector(double... values) {
        return of(values, Shape.of(values.length));
    }

    /**
     * Returns a FLOAT32 vector.
     *
     * @param values the elements (copied)
     * @return a rank-1 tensor of shape {@code [values.length]}
     */
    public static Tensor vector(float... values) {
        return of(values, Shape.of(values.length));
    }

    /**
     * Returns an INT32 vector.
     *
     * @param values the elements (copied)
     * @return a rank-1 tensor of shape {@code [values.length]}
     */
    public static Tensor vector(int... values) {
        return of(values, Shape.of(values.length));
    }

    /**
     * Returns an INT64 vector.
     *
     * @param values the elements (copied)
     * @return a rank-1 tensor of shape {@code [values.length]}
     */
    public static Tensor vector(long... values) {
        return of(values, Shape.of(values.length));
    }

    /**
     * Returns a BOOL vector.
     *
     * @param values the elements (copied)
     * @return a rank-1 tensor of shape {@code [values.length]}
     */
    public static Tensor vector(boolean... values) {
        return of(values, Shape.of(values.length));
    }

    /**
     * Returns a FLOAT64 matrix.
     *
     * @param rows the rows, all of one length (copied)
     * @return a rank-2 tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor matrix(double[][] rows) {
        int cols = columns(rows, r -> ((double[]) r).length);
        double[] flat = new double[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new Tensor(DType.FLOAT64, Shape.of(rows.length, cols), flat);
    }

    /**
     * Returns a FLOAT32 matrix.
     *
     * @param rows the rows, all of one length (copied)
     * @return a rank-2 tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor matrix(float[][] rows) {
        int cols = columns(rows, r -> ((float[]) r).length);
        float[] flat = new float[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new Tensor(DType.FLOAT32, Shape.of(rows.length, cols), flat);
    }

    /**
     * Returns an INT32 matrix.
     *
     * @param rows the rows, all of one length (copied)
     * @return a rank-2 tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor matrix(int[][] rows) {
        int cols = columns(rows, r -> ((int[]) r).length);
        int[] flat = new int[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new Tensor(DType.INT32, Shape.of(rows.length, cols), flat);
    }

    /**
     * Returns an INT64 matrix.
     *
     * @param rows the rows, all of one length (copied)
     * @return a rank-2 tensor of shape {@code [rows.length, rows[0].length]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor matrix(long[][] rows) {
        int cols = columns(rows, r -> ((long[]) r).length);
        long[] flat = new long[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new Tensor(DType.INT64, Shape.of(rows.length, cols), flat);
    }

    private static int columns(Object[] rows, java.util.function.ToIntFunction<Object> length) {
        checkNotNull(rows, "rows");
        int cols = rows.length == 0 ? 0 : length.applyAsInt(checkNotNull(rows[0], "row 0"));
        for (int i = 1; i < rows.length; i++) {
            int n = length.applyAsInt(checkNotNull(rows[i], "row %s", i));
            checkArgument(n == cols, "row %s has %s elements but row 0 has %s", i, n, cols);
        }
        return cols;
    }

    /**
     * Returns a FLOAT64 tensor of the given shape holding {@code data} in row-major order.
     *
     * @param data the elements, row-major (copied)
     * @param shape a fully defined shape whose size is {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the shape is not fully defined or its size differs
     */
    public static Tensor of(double[] data, Shape shape) {
        return copyOf(DType.FLOAT64, data, checkNotNull(data, "data").length, shape);
    }

    /**
     * Returns a FLOAT32 tensor of the given shape holding {@code data} in row-major order.
     *
     * @param data the elements, row-major (copied)
     * @param shape a fully defined shape whose size is {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the shape is not fully defined or its size differs
     */
    public static Tensor of(float[] data, Shape shape) {
        return copyOf(DType.FLOAT32, data, checkNotNull(data, "data").length, shape);
    }

    /**
     * Returns an INT32 tensor of the given shape holding {@code data} in row-major order.
     *
     * @param data the elements, row-major (copied)
     * @param shape a fully defined shape whose size is {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the shape is not fully defined or its size differs
     */
    public static Tensor of(int[] data, Shape shape) {
        return copyOf(DType.INT32, data, checkNotNull(data, "data").length, shape);
    }

    /**
     * Returns an INT64 tensor of the given shape holding {@code data} in row-major order.
     *
     * @param data the elements, row-major (copied)
     * @param shape a fully defined shape whose size is {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the shape is not fully defined or its size differs
     */
    public static Tensor of(long[] data, Shape shape) {
        return copyOf(DType.INT64, data, checkNotNull(data, "data").length, shape);
    }

    /**
     * Returns a BOOL tensor of the given shape holding {@code data} in row-major order.
     *
     * @param data the elements, row-major (copied)
     * @param shape a fully defined shape whose size is {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the shape is not fully defined or its size differs
     */
    public static Tensor of(boolean[] data, Shape shape) {
        return copyOf(DType.BOOL, data, checkNotNull(data, "data").length, shape);
    }

    /**
     * Returns a tensor of zeros (false for BOOL).
     *
     * @param dtype the element type
     * @param shape a fully defined shape
     * @return the tensor
     * @throws IllegalArgumentException if the shape is not fully defined or too large
     */
    public static Tensor zeros(DType dtype, Shape shape) {
        checkNotNull(dtype, "dtype");
        int n = elementCount(shape);
        return new Tensor(dtype, shape, java.lang.reflect.Array.newInstance(arrayClass(dtype).getComponentType(), n));
    }

    // ---- metadata --------------------------------------------------------------------------

    /**
     * Returns the element type.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * Returns the shape, always fully defined.
     *
     * @return the shape
     */
    public Shape shape() {
        return shape;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank (0 for a scalar)
     */
    public int rank() {
        return shape.rank();
    }

    /**
     * Returns the number of elements.
     *
     * @return the product of the dimensions
     */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    // ---- element reads ---------------------------------------------------------------------

    /**
     * Reads one element as a double.
     *
     * @param index one index per dimension; none for a scalar
     * @return the element, widened to double
     * @throws IllegalStateException if the dtype is BOOL
     * @throws IndexOutOfBoundsException if the index does not address an element
     */
    public double getDouble(long... index) {
        if (dtype == DType.BOOL) {
            throw wrongRead("double");
        }
        int i = flatIndex(index);
        switch (dtype) {
            case FLOAT64: return ((double[]) data)[i];
            case FLOAT32: return ((float[]) data)[i];
            case INT32: return ((int[]) data)[i];
            case INT64: return ((long[]) data)[i];
            default: throw wrongRead("double");
        }
    }

    /**
     * Reads one element of a FLOAT32 tensor.
     *
     * @param index one index per dimension; none for a scalar
     * @return the element
     * @throws IllegalStateException if the dtype is not FLOAT32
     * @throws IndexOutOfBoundsException if the index does not address an element
     */
    public float getFloat(long... index) {
        requireDType(DType.FLOAT32, "float");
        return ((float[]) data)[flatIndex(index)];
    }

    /**
     * Reads one element of an INT32 tensor.
     *
     * @param index one index per dimension; none for a scalar
     * @return the element
     * @throws IllegalStateException if the dtype is not INT32
     * @throws IndexOutOfBoundsException if the index does not address an element
     */
    public int getInt(long... index) {
        requireDType(DType.INT32, "int");
        return ((int[]) data)[flatIndex(index)];
    }

    /**
     * Reads one element of an INT64 or INT32 tensor as a long.
     *
     * @param index one index per dimension; none for a scalar
     * @return the element
     * @throws IllegalStateException if the dtype is not an integer dtype
     * @throws IndexOutOfBoundsException if the index does not address an element
     */
    public long getLong(long... index) {
        if (!dtype.isInteger()) {
            throw wrongRead("long");
        }
        int i = flatIndex(index);
        if (dtype == DType.INT64) {
            return ((long[]) data)[i];
        } else if (dtype == DType.INT32) {
            return ((int[]) data)[i];
        }
        throw wrongRead("long");
    }

    /**
     * Reads one element of a BOOL tensor.
     *
     * @param index one index per dimension; none for a scalar
     * @return the element
     * @throws IllegalStateException if the dtype is not BOOL
     * @throws IndexOutOfBoundsException if the index does not address an element
     */
    public boolean getBoolean(long... index) {
        requireDType(DType.BOOL, "boolean");
        return ((boolean[]) data)[flatIndex(index)];
    }

    private int flatIndex(long[] index) {
        checkNotNull(index, "index");
        int rank = shape.rank();
        if (index.length != rank) {
            throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates but the tensor has rank " + rank + " (shape " + shape + ")");
        }
        long flat = 0;
        for (int d = 0; d < rank; d++) {
            long dim = shape.dim(d);
            if (index[d] < 0 || index[d] >= dim) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is out of bounds for shape "
                        + shape + " at dimension " + d);
            }
            flat = flat * dim + index[d];
        }
        return (int) flat;
    }

    // ---- array reads -----------------------------------------------------------------------

    /**
     * Returns all elements, row-major, as doubles.
     *
     * @return a new array
     * @throws IllegalStateException if the dtype is BOOL
     */
    public double[] toDoubleArray() {
        switch (dtype) {
            case FLOAT64: return ((double[]) data).clone();
            case FLOAT32: {
                float[] f = (float[]) data;
                double[] out = new double[size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = f[i];
                }
                return out;
            }
            case INT32: return Arrays.stream((int[]) data).asDoubleStream().toArray();
            case INT64: return Arrays.stream((long[]) data).asDoubleStream().toArray();
            default: throw wrongRead("double");
        }
    }

    /**
     * Returns all elements, row-major, of a FLOAT32 tensor.
     *
     * @return a new array
     * @throws IllegalStateException if the dtype is not FLOAT32
     */
    public float[] toFloatArray() {
        requireDType(DType.FLOAT32, "float");
        return ((float[]) data).clone();
    }

    /**
     * Returns all elements, row-major, of an INT32 tensor.
     *
     * @return a new array
     * @throws IllegalStateException if the dtype is not INT32
     */
    public int[] toIntArray() {
        requireDType(DType.INT32, "int");
        return ((int[]) data).clone();
    }

    /**
     * Returns all elements, row-major, of an INT64 or INT32 tensor as longs.
     *
     * @return a new array
     * @throws IllegalStateException if the dtype is not an integer dtype
     */
    public long[] toLongArray() {
        if (dtype == DType.INT64) {
            return ((long[]) data).clone();
        } else if (dtype == DType.INT32) {
            return Arrays.stream((int[]) data).asLongStream().toArray();
        }
        throw wrongRead("long");
    }

    /**
     * Returns all elements, row-major, of a BOOL tensor.
     *
     * @return a new array
     * @throws IllegalStateException if the dtype is not BOOL
     */
    public boolean[] toBooleanArray() {
        requireDType(DType.BOOL, "boolean");
        return ((boolean[]) data).clone();
    }

    private void requireDType(DType expected, String javaType) {
        if (dtype != expected) {
            throw wrongRead(javaType);
        }
    }

    private IllegalStateException wrongRead(String javaType) {
        return new IllegalStateException("cannot read a " + dtype + " tensor of shape " + shape + " as " + javaType);
    }

    // ---- value semantics -------------------------------------------------------------------

    /**
     * Compares dtype, shape and every element bit for bit.
     *
     * @param o the other object
     * @return true if {@code o} is a tensor with the same dtype, shape and bits
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return dtype == t.dtype && shape.equals(t.shape) && Arrays.deepEquals(new Object[] {data}, new Object[] {t.data});
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + shape.hashCode()) + Arrays.deepHashCode(new Object[] {data});
    }

    /**
     * Returns the dtype, the shape and the values laid out as NumPy prints them; tensors of more
     * than 1,000 elements show the first and last 3 entries of each long axis around {@code ...}.
     *
     * @return e.g. {@code Tensor(float64 [2]) [1.0 2.0]}; rank 2 and above start the values on a
     *     new line
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(' ').append(shape).append(')');
        sb.append(shape.rank() >= 2 ? '\n' : ' ');
        appendValues(sb, 0, 0, size() > PRINT_THRESHOLD);
        return sb.toString();
    }

    private void appendValues(StringBuilder sb, int axis, int offset, boolean summarize) {
        int rank = shape.rank();
        if (rank == 0) {
            appendElement(sb, 0);
            return;
        }
        int dim = (int) shape.dim(axis);
        int stride = 1;
        for (int d = axis + 1; d < rank; d++) {
            stride *= (int) shape.dim(d);
        }
        String separator = axis == rank - 1 ? " " : "\n".repeat(rank - 1 - axis) + " ".repeat(axis + 1);
        sb.append('[');
        boolean elide = summarize && dim > 2 * PRINT_EDGE_ITEMS;
        for (int i = 0; i < dim; i++) {
            if (elide && i == PRINT_EDGE_ITEMS) {
                sb.append("...").append(separator);
                i = dim - PRINT_EDGE_ITEMS;
            }
            if (axis == rank - 1) {
                appendElement(sb, offset + i);
            } else {
                appendValues(sb, axis + 1, offset + i * stride, summarize);
            }
            if (i < dim - 1) {
                sb.append(separator);
            }
        }
        sb.append(']');
    }

    private void appendElement(StringBuilder sb, int i) {
        switch (dtype) {
            case FLOAT64: sb.append(((double[]) data)[i]); break;
            case FLOAT32: sb.append(((float[]) data)[i]); break;
            case INT32: sb.append(((int[]) data)[i]); break;
            case INT64: sb.append(((long[]) data)[i]); break;
            default: sb.append(((boolean[]) data)[i]); break;
        }
    }
}
