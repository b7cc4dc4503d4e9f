package dev.flowgraph.ops;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.NodeBuilder;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import java.util.List;

/**
 * The facade users build graphs with: one short method per op, plus naming.
 *
 * <p>An {@code Ops} is an immutable view of a graph with a name scope. {@link #withScope} returns
 * a view whose nodes are named {@code scope/...}; {@link #withName} returns a view whose next
 * node gets exactly that name (within the scope). Nodes are otherwise named after their op type:
 * {@code Mul}, {@code Mul_1}, .... Every method adds its node through
 * {@link Graph#addNode}'s checks, so a dtype or shape mismatch fails here, at build time, with a
 * {@link GraphBuildException} naming the node, the op and the shapes. Broadcasting follows NumPy.
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *     Ops tf = Ops.on(g);
 *     Output a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
 *     Output b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
 *     Output c = tf.placeholder("c", DType.FLOAT64, Shape.scalar());
 *     Output j = tf.withName("J").mul(tf.constant(3.0), tf.add(a, tf.mul(b, c)));
 *     Ops layer = tf.withScope("layer1");
 *     Output w = layer.constant(Tensor.matrix(new double[][] {{1, 2}, {-1, -2}}));   // "layer1/Const"
 * }
 * }</pre>
 */
public final class Ops {
    private final Graph graph;
    private final String scope;
    private final String nextName;

    private Ops(Graph graph, String scope, String nextName) {
        this.graph = graph;
        this.scope = scope;
        this.nextName = nextName;
    }

    /**
     * Returns the facade for a graph, at the root scope.
     *
     * @param graph the graph to add nodes to
     * @return the facade
     */
    public static Ops on(Graph graph) {
        return new Ops(checkNotNull(graph, "graph"), "", null);
    }

    /**
     * Returns the graph nodes are added to.
     *
     * @return the graph
     */
    public Graph graph() {
        return graph;
    }

    /**
     * Returns a view whose next node is named exactly {@code name} within this scope; adding a
     * second node through the same view fails, since the name is then taken.
     *
     * @param name the node's name, without the scope
     * @return the view
     */
    public Ops withName(String name) {
        checkNotNull(name, "name");
        return new Ops(graph, scope, name);
    }

    /**
     * Returns a view that names its nodes {@code scope/...}; scopes nest.
     *
     * @param subScope the scope to enter, without slashes at either end
     * @return the view
     */
    public Ops withScope(String subScope) {
        checkNotNull(subScope, "scope");
        checkArgument(!subScope.isEmpty() && !subScope.startsWith("/") && !subScope.endsWith("/"),
                "scope '%s' must be non-empty and have no leading or trailing '/'", subScope);
        return new Ops(graph, qualify(subScope), null);
    }

    private String qualify(String name) {
        return scope.isEmpty() ? name : scope + "/" + name;
    }

    /**
     * Adds a node of any registered op type, named by this view's rules; the door every method
     * of this class goes through, and the one to use for ops that have no method here.
     *
     * @param opType the op type
     * @param attrs the node's attributes
     * @param inputs the node's inputs
     * @return the new node
     * @throws GraphBuildException if the graph refuses the node
     */
    public Node node(String opType, Attrs attrs, Output... inputs) {
        NodeBuilder b = graph.nodeBuilder(opType).inputs(List.of(inputs)).attrs(attrs);
        if (nextName != null) {
            b.name(qualify(nextName));
        } else {
            b.uniqueName(qualify(opType));
        }
        return b.build();
    }

    private Output op(String opType, Output... inputs) {
        return node(opType, Attrs.empty(), inputs).output(0);
    }

    private Output op(String opType, Attrs attrs, Output... inputs) {
        return node(opType, attrs, inputs).output(0);
    }

    // ---- constants and placeholders ---------------------------------------------------------

    /**
     * Adds a constant.
     *
     * @param value the constant's value
     * @return its output
     */
    public Output constant(Tensor value) {
        return op("Const", Attrs.of("value", checkNotNull(value, "value")));
    }

    /**
     * Adds a FLOAT64 scalar constant.
     *
     * @param value the value
     * @return its output
     */
    public Output constant(double value) {
        return constant(Tensor.scalar(value));
    }

    /**
     * Adds a FLOAT32 scalar constant.
     *
     * @param value the value
     * @return its output
     */
    public Output constant(float value) {
        return constant(Tensor.scalar(value));
    }

    /**
     * Adds an INT32 scalar constant.
     *
     * @param value the value
     * @return its output
     */
    public Output constant(int value) {
        return constant(Tensor.scalar(value));
    }

    /**
     * Adds an INT64 scalar constant.
     *
     * @param value the value
     * @return its output
     */
    public Output constant(long value) {
        return constant(Tensor.scalar(value));
    }

    /**
     * Adds a BOOL scalar constant.
     *
     * @param value the value
     * @return its output
     */
    public Output constant(boolean value) {
        return constant(Tensor.scalar(value));
    }

    /**
     * Adds a placeholder: a value that every run needing it must feed.
     *
     * @param name the placeholder's name, within this view's scope
     * @param dtype the dtype a feed must have
     * @param shape the shape a feed must match; -1 marks a dimension of any size
     * @return its output
     * @throws GraphBuildException if the name is taken or invalid
     */
    public Output placeholder(String name, DType dtype, Shape shape) {
        checkNotNull(dtype, "dtype");
        checkNotNull(shape, "shape");
        return withName(name).op("Placeholder", Attrs.builder().put("dtype", dtype).put("shape", shape).build());
    }

    // ---- math ---------------------------------------------------------------------------------

    /**
     * Adds {@code x + y}, elementwise with NumPy broadcasting; numeric dtypes, both the same.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the sum, of the broadcast shape
     */
    public Output add(Output x, Output y) {
        return op("Add", x, y);
    }

    /**
     * Adds {@code x - y}, elementwise with NumPy broadcasting; numeric dtypes, both the same.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the difference, of the broadcast shape
     */
    public Output sub(Output x, Output y) {
        return op("Sub", x, y);
    }

    /**
     * Adds {@code x * y}, elementwise with NumPy broadcasting; numeric dtypes, both the same.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the product, of the broadcast shape
     */
    public Output mul(Output x, Output y) {
        return op("Mul", x, y);
    }

    /**
     * Adds {@code x / y}, elementwise with NumPy broadcasting; numeric dtypes, both the same.
     * Floats divide as IEEE 754 does (x/0 is ±infinity or NaN); integers divide truncating toward
     * zero, as Java and C do, and a division by zero fails the run naming the node.
     *
     * @param x the dividend
     * @param y the divisor
     * @return the quotient, of the broadcast shape
     */
    public Output div(Output x, Output y) {
        return op("Div", x, y);
    }

    /**
     * Adds {@code -x}, elementwise; numeric dtypes (integers wrap: -MIN_VALUE is MIN_VALUE).
     *
     * @param x the operand
     * @return the negation, of x's shape
     */
    public Output neg(Output x) {
        return op("Neg", x);
    }

    // ---- linear algebra ---------------------------------------------------------------------

    /**
     * Adds the matrix product {@code a · b}, as {@code numpy.matmul} on rank-1 and rank-2
     * operands: a rank-2 {@code [m, k]} times {@code [k, n]} gives {@code [m, n]}; a rank-1
     * {@code b} of length k gives the matrix-vector product {@code [m]}; a rank-1 {@code a} gives
     * the vector-matrix product {@code [n]}. Numeric dtypes, both the same.
     *
     * @param a the left operand
     * @param b the right operand
     * @return the product
     */
    public Output matMul(Output a, Output b) {
        return matMul(a, b, false, false);
    }

    /**
     * Adds the matrix product with either operand transposed first: {@code op(a) · op(b)}, where
     * {@code op(m)} is {@code m}'s transpose if its flag is set. Flags apply to rank-2 operands.
     *
     * @param a the left operand
     * @param b the right operand
     * @param transposeA whether to use {@code a}'s transpose
     * @param transposeB whether to use {@code b}'s transpose
     * @return the product
     */
    public Output matMul(Output a, Output b, boolean transposeA, boolean transposeB) {
        return op("MatMul", Attrs.builder().put("transposeA", transposeA).put("transposeB", transposeB).build(), a, b);
    }

    // ---- reductions ---------------------------------------------------------------------------

    private Output reduce(String opType, Output x, int[] axes, boolean keepDims) {
        Attrs.Builder attrs = Attrs.builder().put("keepDims", keepDims);
        if (axes != null) {
            attrs.put("axes", axes);
        }
        return op(opType, attrs.build(), x);
    }

    /**
     * Adds the sum of all elements of {@code x}: a scalar of x's dtype (0 for an empty x).
     * Floats are summed in double precision and rounded once; integers wrap.
     *
     * @param x a numeric input
     * @return the sum
     */
    public Output sum(Output x) {
        return sum(x, null, false);
    }

    /**
     * Adds the sum over some axes of {@code x}, as {@code numpy.sum(x, axis=axes, keepdims=keepDims)}.
     *
     * @param x a numeric input
     * @param axes the axes to sum over, negative ones counting from the end; {@code null} for all,
     *     an empty array for none
     * @param keepDims whether the summed axes stay, with size 1
     * @return the sums, of x's dtype
     */
    public Output sum(Output x, int[] axes, boolean keepDims) {
        return reduce("Sum", x, axes, keepDims);
    }

    /**
     * Adds the mean of all elements of {@code x} (NaN for an empty x). Floats only.
     *
     * @param x a FLOAT32 or FLOAT64 input
     * @return the mean, a scalar of x's dtype
     */
    public Output mean(Output x) {
        return mean(x, null, false);
    }

    /**
     * Adds the mean over some axes of {@code x}, as {@code numpy.mean(x, axis=axes, keepdims=keepDims)}:
     * the double-precision sum divided by the count. Floats only: cast integers first.
     *
     * @param x a FLOAT32 or FLOAT64 input
     * @param axes the axes to average over; {@code null} for all, an empty array for none
     * @param keepDims whether the averaged axes stay, with size 1
     * @return the means, of x's dtype
     */
    public Output mean(Output x, int[] axes, boolean keepDims) {
        return reduce("Mean", x, axes, keepDims);
    }

    /**
     * Adds the largest element of {@code x}; NaN if any element is NaN.
     *
     * @param x a non-empty numeric input
     * @return the maximum, a scalar of x's dtype
     */
    public Output max(Output x) {
        return max(x, null, false);
    }

    /**
     * Adds the maximum over some axes of {@code x}, as {@code numpy.max}: NaN propagates, and an
     * empty reduction is refused (at build time when the shape says so, else when run).
     *
     * @param x a numeric input
     * @param axes the axes to reduce; {@code null} for all, an empty array for none
     * @param keepDims whether the reduced axes stay, with size 1
     * @return the maxima, of x's dtype
     */
    public Output max(Output x, int[] axes, boolean keepDims) {
        return reduce("Max", x, axes, keepDims);
    }

    /**
     * Adds the smallest element of {@code x}; NaN if any element is NaN.
     *
     * @param x a non-empty numeric input
     * @return the minimum, a scalar of x's dtype
     */
    public Output min(Output x) {
        return min(x, null, false);
    }

    /**
     * Adds the minimum over some axes of {@code x}, as {@code numpy.min}: NaN propagates, and an
     * empty reduction is refused.
     *
     * @param x a numeric input
     * @param axes the axes to reduce; {@code null} for all, an empty array for none
     * @param keepDims whether the reduced axes stay, with size 1
     * @return the minima, of x's dtype
     */
    public Output min(Output x, int[] axes, boolean keepDims) {
        return reduce("Min", x, axes, keepDims);
    }

    /**
     * Adds the product of all elements of {@code x} (1 for an empty x).
     *
     * @param x a numeric input
     * @return the product, a scalar of x's dtype
     */
    public Output prod(Output x) {
        return prod(x, null, false);
    }

    /**
     * Adds the product over some axes of {@code x}, as {@code numpy.prod}. Floats multiply in
     * double precision and round once; integers wrap.
     *
     * @param x a numeric input
     * @param axes the axes to reduce; {@code null} for all, an empty array for none
     * @param keepDims whether the reduced axes stay, with size 1
     * @return the products, of x's dtype
     */
    public Output prod(Output x, int[] axes, boolean keepDims) {
        return reduce("Prod", x, axes, keepDims);
    }

    /**
     * Adds the index of the largest element along one axis, as {@code numpy.argmax}: ties give
     * the first index, and the first NaN wins.
     *
     * @param x a numeric input whose axis is not empty
     * @param axis the axis to search, negative counting from the end
     * @return INT64 indices, of x's shape without the axis
     */
    public Output argMax(Output x, int axis) {
        return op("ArgMax", Attrs.of("axis", axis), x);
    }

    /**
     * Adds the index of the smallest element along one axis, as {@code numpy.argmin}: ties give
     * the first index, and the first NaN wins.
     *
     * @param x a numeric input whose axis is not empty
     * @param axis the axis to search, negative counting from the end
     * @return INT64 indices, of x's shape without the axis
     */
    public Output argMin(Output x, int axis) {
        return op("ArgMin", Attrs.of("axis", axis), x);
    }

    // ---- array --------------------------------------------------------------------------------

    /**
     * Adds a node that passes its input through unchanged (useful to give a value a name).
     *
     * @param x the input
     * @return the same value, of the same dtype and shape
     */
    public Output identity(Output x) {
        return op("Identity", x);
    }

    // ---- math: unary ----------------------------------------------------------------------------

    // ---- math: binary, comparisons, logic, where ----------------------------------------------

    // ---- array: reshaping, joining, indexing, filling ------------------------------------------

    /**
     * Adds {@code x} in a new shape with the same elements in row-major order, as
     * {@code numpy.reshape}. One size may be -1, inferred from the element count. A size mismatch
     * is refused here when x's size is known, else it fails the run naming the node. Any dtype.
     *
     * @param x the input
     * @param shape the new sizes, at most one of them -1
     * @return the reshaped value, sharing x's elements
     */
    public Output reshape(Output x, long... shape) {
        return op("Reshape", Attrs.of("shape", checkNotNull(shape, "shape")), x);
    }

    /**
     * Adds the transpose of {@code x}, as {@code numpy.transpose}: output axis {@code i} is input
     * axis {@code perm[i]}; with no perm the axes are reversed. Any dtype.
     *
     * @param x the input
     * @param perm a permutation of x's axes (negative ones count from the end), or none
     * @return the transposed value
     */
    public Output transpose(Output x, int... perm) {
        return op("Transpose", Attrs.of("perm", checkNotNull(perm, "perm")), x);
    }

    /**
     * Adds {@code x} with a size-1 axis inserted, as {@code numpy.expand_dims}. Any dtype.
     *
     * @param x the input, of rank r
     * @param axis the new axis's position in the output, in {@code [-r-1, r]}; -1 appends
     * @return the value with rank r + 1
     */
    public Output expandDims(Output x, int axis) {
        return op("ExpandDims", Attrs.of("axis", axis), x);
    }

    /**
     * Adds {@code x} without size-1 axes, as {@code numpy.squeeze}. Squeezing an axis whose size
     * is not 1 is refused. Any dtype.
     *
     * @param x the input
     * @param axes the axes to remove (negative ones count from the end); none removes every size-1 axis
     * @return the squeezed value
     */
    public Output squeeze(Output x, int... axes) {
        return op("Squeeze", Attrs.of("axes", checkNotNull(axes, "axes")), x);
    }

    /**
     * Adds the concatenation of tensors along an existing axis, as {@code numpy.concatenate}: all
     * of one dtype and rank, with equal sizes outside the axis.
     *
     * @param axis the axis to join along, negative counting from the end
     * @param xs the tensors, at least one
     * @return the joined value
     */
    public Output concat(int axis, Output... xs) {
        return op("Concat", Attrs.of("axis", axis), xs);
    }

    /**
     * Adds the stacking of tensors of one shape along a new axis, as {@code numpy.stack}.
     *
     * @param axis the new axis's position in the output, in {@code [-r-1, r]} for inputs of rank r
     * @param xs the tensors, at least one, of one dtype and shape
     * @return the stacked value, with a new axis of size {@code xs.length}
     */
    public Output stack(int axis, Output... xs) {
        return op("Stack", Attrs.of("axis", axis), xs);
    }

    /**
     * Adds the box of {@code x} from {@code begin} of {@code size} elements along each axis, as
     * {@code tf.slice}; a size of -1 takes the rest of its axis. A box outside x is refused here
     * when x's sizes are known, else it fails the run. Any dtype.
     *
     * @param x the input
     * @param begin the first index along each axis, each >= 0
     * @param size the extent along each axis, or -1 for "to the end"
     * @return the slice
     */
    public Output slice(Output x, long[] begin, long[] size) {
        return op("Slice", Attrs.builder().put("begin", checkNotNull(begin, "begin"))
                .put("size", checkNotNull(size, "size")).build(), x);
    }

    /**
     * Adds the slices of {@code params} along {@code axis} picked by {@code indices}, as
     * {@code tf.gather}: the output's shape is
     * {@code params.shape[:axis] + indices.shape + params.shape[axis+1:]}. An index outside
     * {@code [0, n)} (negative ones included) fails the run, naming it and the valid range.
     *
     * @param params the values, of any dtype and rank >= 1
     * @param indices INT32 or INT64 indices of any shape
     * @param axis the axis to pick along, negative counting from the end
     * @return the gathered values, of params' dtype
     */
    public Output gather(Output params, Output indices, int axis) {
        return op("Gather", Attrs.of("axis", axis), params, indices);
    }

    /**
     * Adds the FLOAT32 one-hot encoding of {@code indices}, as {@code tf.one_hot}: shape
     * {@code indices.shape + [depth]}, 1 at each index and 0 elsewhere; an index outside
     * {@code [0, depth)} gives a row of zeros.
     *
     * @param indices INT32 or INT64 indices
     * @param depth the number of classes, >= 0
     * @return the encoding
     */
    public Output oneHot(Output indices, int depth) {
        return oneHot(indices, depth, DType.FLOAT32);
    }

    /**
     * Adds the one-hot encoding of {@code indices} in a chosen dtype (BOOL gives true/false); see
     * {@link #oneHot(Output, int)}.
     *
     * @param indices INT32 or INT64 indices
     * @param depth the number of classes, >= 0
     * @param dtype the output's dtype
     * @return the encoding
     */
    public Output oneHot(Output indices, int depth, DType dtype) {
        return op("OneHot", Attrs.builder().put("depth", depth).put("dtype", checkNotNull(dtype, "dtype")).build(),
                indices);
    }

    /**
     * Adds a tensor of {@code shape} whose elements all equal a scalar, as {@code numpy.full}.
     *
     * @param shape a fully defined shape
     * @param scalarValue the value, a scalar of any dtype, which is the output's dtype
     * @return the filled tensor
     */
    public Output fill(Shape shape, Tensor scalarValue) {
        return op("Fill", Attrs.builder().put("shape", checkNotNull(shape, "shape"))
                .put("value", checkNotNull(scalarValue, "scalarValue")).build());
    }

    /**
     * Adds zeros of {@code x}'s dtype and shape (false for BOOL), as {@code numpy.zeros_like}.
     *
     * @param x the input, whose values are not read
     * @return the zeros
     */
    public Output zerosLike(Output x) {
        return op("ZerosLike", x);
    }

    /**
     * Adds ones of {@code x}'s dtype and shape (true for BOOL), as {@code numpy.ones_like}.
     *
     * @param x the input, whose values are not read
     * @return the ones
     */
    public Output onesLike(Output x) {
        return op("OnesLike", x);
    }

    /**
     * Adds {@code x}'s run-time dimensions as an INT64 vector, as {@code tf.shape}; its static
     * shape is {@code [rank]}.
     *
     * @param x the input, of any dtype
     * @return the dimensions
     */
    public Output shape(Output x) {
        return op("Shape", x);
    }

    /**
     * Adds {@code x}'s run-time element count as an INT64 scalar, as {@code tf.size}.
     *
     * @param x the input, of any dtype
     * @return the element count
     */
    public Output size(Output x) {
        return op("Size", x);
    }

    /**
     * Adds the INT64 values {@code start, start + delta, ...} before {@code limit}, as
     * {@code numpy.arange}: {@code max(0, ceil((limit - start) / delta))} of them.
     *
     * @param start the first value
     * @param limit the bound, excluded
     * @param delta the step, not 0; whole numbers of at most 2^53 in magnitude
     * @return the INT64 vector
     */
    public Output range(long start, long limit, long delta) {
        return range(start, limit, delta, DType.INT64);
    }

    /**
     * Adds the FLOAT64 values {@code start + i * delta} for
     * {@code 0 <= i < max(0, ceil((limit - start) / delta))}, as {@code numpy.arange}.
     *
     * @param start the first value
     * @param limit the bound, excluded
     * @param delta the step, not 0
     * @return the FLOAT64 vector
     */
    public Output range(double start, double limit, double delta) {
        return range(start, limit, delta, DType.FLOAT64);
    }

    /**
     * Adds the values {@code start + i * delta} before {@code limit} in a chosen numeric dtype, as
     * {@code numpy.arange(start, limit, delta, dtype)}. For integer dtypes the arguments must be
     * whole numbers of at most 2^53 in magnitude, and every value must fit the dtype.
     *
     * @param start the first value
     * @param limit the bound, excluded
     * @param delta the step, not 0
     * @param dtype the output's numeric dtype
     * @return the vector
     */
    public Output range(double start, double limit, double delta, DType dtype) {
        return op("Range", Attrs.builder().put("start", start).put("limit", limit).put("delta", delta)
                .put("dtype", checkNotNull(dtype, "dtype")).build());
    }

    /**
     * Adds {@code x} repeated {@code multiples[d]} times along each axis {@code d}, as
     * {@code tf.tile}. Any dtype.
     *
     * @param x the input, of rank r
     * @param multiples r repetition counts, each >= 0
     * @return the tiled value
     */
    public Output tile(Output x, long... multiples) {
        return op("Tile", Attrs.of("multiples", checkNotNull(multiples, "multiples")), x);
    }

    // ---- linear algebra and neural networks ----------------------------------------------------

    // ---- random ---------------------------------------------------------------------------------
}
