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
import dev.flowgraph.ops.train.Initializer;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import dev.flowgraph.spi.Attrs;
import java.util.ArrayList;
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
     * Adds the matrix product {@code a · b}, as {@code numpy.matmul}: the last two axes of each
     * operand are a matrix, {@code [..., m, k] · [..., k, n]} gives {@code [..., m, n]}, and the
     * leading (batch) axes broadcast with NumPy's rules: {@code [2, 1, m, k] · [3, k, n]} gives
     * {@code [2, 3, m, n]}. A rank-1 {@code b} of length k counts as a column {@code [k, 1]} and
     * a rank-1 {@code a} as a row {@code [1, k]}, and that axis is dropped from the result:
     * {@code [m, k] · [k]} gives {@code [m]}, {@code [k] · [k]} a scalar. Numeric dtypes, both the
     * same; scalars are refused (use {@link #mul}).
     *
     * @param a the left operand, of rank 1 or more
     * @param b the right operand, of rank 1 or more
     * @return the product
     */
    public Output matMul(Output a, Output b) {
        return matMul(a, b, false, false);
    }

    /**
     * Adds the matrix product with either operand transposed first: {@code op(a) · op(b)}, where
     * {@code op(m)} swaps the last two axes of {@code m} if its flag is set; batch axes broadcast
     * as in {@link #matMul(Output, Output)}. Flags apply to operands of rank 2 or more.
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
     * Adds {@code x} summed down to the shape of {@code like}: over the leading axes {@code like}
     * lacks and the axes where {@code like} has size 1, found from the run-time shapes. This undoes
     * a broadcast of {@code like} to x's shape, as the gradient of a broadcasting op needs.
     *
     * <pre>{@code
     * tf.sumTo(x, b)   // x [4, 3], b [3] -> x summed over axis 0; b [4, 1] -> over axis 1, kept
     * }</pre>
     *
     * @param x a numeric input
     * @param like the input whose shape to reach (its values are not read); its shape must
     *     broadcast to x's
     * @return the sums, of x's dtype and like's shape
     */
    public Output sumTo(Output x, Output like) {
        return op("SumTo", x, like);
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

    /**
     * Adds {@code |x|}, elementwise, as {@code numpy.abs}; numeric dtypes. Integers wrap:
     * {@code abs(MIN_VALUE)} is {@code MIN_VALUE}; {@code abs(-0.0)} is {@code 0.0}.
     *
     * @param x the operand
     * @return the absolute values, of x's dtype and shape
     */
    public Output abs(Output x) {
        return op("Abs", x);
    }

    /**
     * Adds the sign of {@code x}, elementwise, as {@code numpy.sign}: -1, 0 or 1 in x's dtype;
     * numeric dtypes. Both float zeros give {@code 0.0}; NaN gives NaN.
     *
     * @param x the operand
     * @return the signs, of x's dtype and shape
     */
    public Output sign(Output x) {
        return op("Sign", x);
    }

    /**
     * Adds {@code x * x}, elementwise; numeric dtypes (integers wrap on overflow).
     *
     * @param x the operand
     * @return the squares, of x's dtype and shape
     */
    public Output square(Output x) {
        return op("Square", x);
    }

    /**
     * Adds the square root of {@code x}, elementwise, correctly rounded; FLOAT32 or FLOAT64 only:
     * cast integers first. The square root of a negative is NaN.
     *
     * @param x the operand
     * @return the square roots, of x's dtype and shape
     */
    public Output sqrt(Output x) {
        return op("Sqrt", x);
    }

    /**
     * Adds {@code 1 / sqrt(x)}, elementwise; FLOAT32 or FLOAT64 only: cast integers first.
     * {@code rsqrt(0)} is infinity; of a negative, NaN.
     *
     * @param x the operand
     * @return the reciprocal square roots, of x's dtype and shape
     */
    public Output rsqrt(Output x) {
        return op("Rsqrt", x);
    }

    /**
     * Adds {@code e^x}, elementwise (may differ from NumPy by 1 ulp); FLOAT32 or FLOAT64 only: cast
     * integers first. Overflow gives infinity.
     *
     * @param x the operand
     * @return the exponentials, of x's dtype and shape
     */
    public Output exp(Output x) {
        return op("Exp", x);
    }

    /**
     * Adds the natural logarithm of {@code x}, elementwise (may differ from NumPy by 1 ulp);
     * FLOAT32 or FLOAT64 only: cast integers first. {@code log(0)} is -infinity; of a negative,
     * NaN.
     *
     * @param x the operand
     * @return the logarithms, of x's dtype and shape
     */
    public Output log(Output x) {
        return op("Log", x);
    }

    /**
     * Adds {@code log(1 + x)}, elementwise, accurate for {@code x} near 0; FLOAT32 or FLOAT64 only:
     * cast integers first. {@code log1p(-1)} is -infinity; below -1, NaN.
     *
     * @param x the operand
     * @return the values, of x's dtype and shape
     */
    public Output log1p(Output x) {
        return op("Log1p", x);
    }

    /**
     * Adds the sine of {@code x} (radians), elementwise (may differ from NumPy by 1 ulp); FLOAT32
     * or FLOAT64 only: cast integers first.
     *
     * @param x the operand
     * @return the sines, of x's dtype and shape
     */
    public Output sin(Output x) {
        return op("Sin", x);
    }

    /**
     * Adds the cosine of {@code x} (radians), elementwise (may differ from NumPy by 1 ulp); FLOAT32
     * or FLOAT64 only: cast integers first.
     *
     * @param x the operand
     * @return the cosines, of x's dtype and shape
     */
    public Output cos(Output x) {
        return op("Cos", x);
    }

    /**
     * Adds the hyperbolic tangent of {@code x}, elementwise; FLOAT32 or FLOAT64 only: cast integers
     * first.
     *
     * @param x the operand
     * @return the values in [-1, 1], of x's dtype and shape
     */
    public Output tanh(Output x) {
        return op("Tanh", x);
    }

    /**
     * Adds the logistic function {@code 1 / (1 + e^-x)}, elementwise, without overflow for large
     * {@code |x|}; FLOAT32 or FLOAT64 only: cast integers first.
     *
     * @param x the operand
     * @return the values in [0, 1], of x's dtype and shape
     */
    public Output sigmoid(Output x) {
        return op("Sigmoid", x);
    }

    /**
     * Adds {@code max(x, 0)}, elementwise, as {@code numpy.maximum(x, 0)}; numeric dtypes. NaN
     * propagates.
     *
     * @param x the operand
     * @return the rectified values, of x's dtype and shape
     */
    public Output relu(Output x) {
        return op("Relu", x);
    }

    /**
     * Adds the gradient of {@link #relu}, as TensorFlow's {@code ReluGrad}: {@code dz} where
     * {@code x > 0} and 0 elsewhere (0 at x = 0 and where x is NaN), elementwise with NumPy
     * broadcasting, in one pass. The same as
     * {@code where(greater(x, zerosLike(x)), dz, zerosLike(dz))}, bit for bit.
     *
     * @param dz the gradient flowing into relu's output, FLOAT32 or FLOAT64
     * @param x relu's input, of dz's dtype
     * @return dz masked, of dz's dtype and the broadcast shape
     */
    public Output reluGrad(Output dz, Output x) {
        return op("ReluGrad", dz, x);
    }

    /**
     * Adds the leaky rectifier {@code x > 0 ? x : alpha * x}, elementwise, as TensorFlow's
     * {@code leaky_relu}; FLOAT32 or FLOAT64 only: cast integers first. NaN propagates.
     *
     * @param x the operand
     * @param alpha the slope for {@code x <= 0}, finite (TensorFlow's default is 0.2); FLOAT32
     *     inputs use it rounded to float
     * @return the values, of x's dtype and shape
     * @throws GraphBuildException if alpha is not finite or x is not a float
     */
    public Output leakyRelu(Output x, double alpha) {
        return op("LeakyRelu", Attrs.of("alpha", alpha), x);
    }

    /**
     * Adds {@code log(1 + e^x)}, elementwise, without overflow for large {@code |x|}; FLOAT32 or
     * FLOAT64 only: cast integers first.
     *
     * @param x the operand
     * @return the values, of x's dtype and shape
     */
    public Output softplus(Output x) {
        return op("Softplus", x);
    }

    /**
     * Adds {@code 1 / x}, elementwise; FLOAT32 or FLOAT64 only: cast integers first. {@code 1 / 0}
     * is infinity (IEEE 754).
     *
     * @param x the operand
     * @return the reciprocals, of x's dtype and shape
     */
    public Output reciprocal(Output x) {
        return op("Reciprocal", x);
    }

    /**
     * Adds the largest integer not above {@code x}, elementwise, as a float; FLOAT32 or FLOAT64
     * only: cast integers first.
     *
     * @param x the operand
     * @return the values, of x's dtype and shape
     */
    public Output floor(Output x) {
        return op("Floor", x);
    }

    /**
     * Adds the smallest integer not below {@code x}, elementwise, as a float; FLOAT32 or FLOAT64
     * only: cast integers first.
     *
     * @param x the operand
     * @return the values, of x's dtype and shape
     */
    public Output ceil(Output x) {
        return op("Ceil", x);
    }

    /**
     * Adds {@code x} rounded to the nearest integer, halves to the even one ({@code numpy.round}:
     * 0.5 gives 0, 1.5 and 2.5 give 2), elementwise, as a float; FLOAT32 or FLOAT64 only: cast
     * integers first.
     *
     * @param x the operand
     * @return the values, of x's dtype and shape
     */
    public Output round(Output x) {
        return op("Round", x);
    }

    /**
     * Adds {@code x} converted to {@code dtype}, elementwise, as NumPy's {@code x.astype(dtype)};
     * the only way dtypes change. Any dtype to any dtype: floats to integers truncate toward zero,
     * NaN gives 0 and out-of-range values (infinities included) give {@code MIN_VALUE} or
     * {@code MAX_VALUE}; INT64 to INT32 wraps; to FLOAT32 rounds to nearest; BOOL gives 0 or 1;
     * to BOOL is {@code x != 0} (NaN is true). A cast to x's own dtype returns x's value as is.
     *
     * @param x the operand
     * @param dtype the dtype to convert to
     * @return the converted values, of x's shape
     */
    public Output cast(Output x, DType dtype) {
        return op("Cast", Attrs.of("dtype", checkNotNull(dtype, "dtype")), x);
    }

    // ---- math: binary, comparisons, logic, where ----------------------------------------------

    /**
     * Adds {@code x^y}, elementwise with NumPy broadcasting; numeric dtypes, both the same. Floats
     * follow C's {@code pow}, as NumPy does ({@code pow(1, NaN)} is 1, a negative base to a
     * non-integer power is NaN); integers give the exact power, wrapping on overflow, and a
     * negative integer exponent fails the run naming the node (cast to a float dtype first).
     *
     * @param x the base
     * @param y the exponent
     * @return the powers, of the broadcast shape
     */
    public Output pow(Output x, Output y) {
        return op("Pow", x, y);
    }

    /**
     * Adds the larger of {@code x} and {@code y}, elementwise with NumPy broadcasting, as
     * {@code np.maximum}: NaN if either is NaN. Numeric dtypes, both the same.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the maxima, of the broadcast shape
     */
    public Output maximum(Output x, Output y) {
        return op("Maximum", x, y);
    }

    /**
     * Adds the smaller of {@code x} and {@code y}, elementwise with NumPy broadcasting, as
     * {@code np.minimum}: NaN if either is NaN. Numeric dtypes, both the same.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the minima, of the broadcast shape
     */
    public Output minimum(Output x, Output y) {
        return op("Minimum", x, y);
    }

    /**
     * Adds {@code x mod y}, elementwise with NumPy broadcasting, as {@code np.mod} and Python's
     * {@code %}: the result has the sign of the divisor ({@code -7 mod 3} is 2). Numeric dtypes,
     * both the same. Floats: {@code x mod 0} is NaN; integers: a zero divisor fails the run naming
     * the node.
     *
     * @param x the dividend
     * @param y the divisor
     * @return the remainders, of the broadcast shape
     */
    public Output mod(Output x, Output y) {
        return op("Mod", x, y);
    }

    /**
     * Adds {@code (x - y)^2}, elementwise with NumPy broadcasting; numeric dtypes, both the same
     * (integers wrap on overflow).
     *
     * @param x the left operand
     * @param y the right operand
     * @return the squared differences, of the broadcast shape
     */
    public Output squaredDifference(Output x, Output y) {
        return op("SquaredDifference", x, y);
    }

    /**
     * Adds the comparison {@code x == y}, elementwise with NumPy broadcasting, with a BOOL
     * result; numeric or BOOL dtypes, both the same; NaN equals nothing.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output equal(Output x, Output y) {
        return op("Equal", x, y);
    }

    /**
     * Adds the comparison {@code x != y}, elementwise with NumPy broadcasting, with a BOOL
     * result; numeric or BOOL dtypes, both the same; NaN differs from everything, itself included.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output notEqual(Output x, Output y) {
        return op("NotEqual", x, y);
    }

    /**
     * Adds the comparison {@code x < y}, elementwise with NumPy broadcasting, with a BOOL
     * result; numeric dtypes, both the same; false where either is NaN.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output less(Output x, Output y) {
        return op("Less", x, y);
    }

    /**
     * Adds the comparison {@code x <= y}, elementwise with NumPy broadcasting, with a BOOL
     * result; numeric dtypes, both the same; false where either is NaN.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output lessEqual(Output x, Output y) {
        return op("LessEqual", x, y);
    }

    /**
     * Adds the comparison {@code x > y}, elementwise with NumPy broadcasting, with a BOOL
     * result; numeric dtypes, both the same; false where either is NaN.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output greater(Output x, Output y) {
        return op("Greater", x, y);
    }

    /**
     * Adds the comparison {@code x >= y}, elementwise with NumPy broadcasting, with a BOOL
     * result; numeric dtypes, both the same; false where either is NaN.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output greaterEqual(Output x, Output y) {
        return op("GreaterEqual", x, y);
    }

    /**
     * Adds the logical and of {@code x} and {@code y}, elementwise with NumPy broadcasting; BOOL
     * inputs.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output logicalAnd(Output x, Output y) {
        return op("LogicalAnd", x, y);
    }

    /**
     * Adds the logical or of {@code x} and {@code y}, elementwise with NumPy broadcasting; BOOL
     * inputs.
     *
     * @param x the left operand
     * @param y the right operand
     * @return BOOL, of the broadcast shape
     */
    public Output logicalOr(Output x, Output y) {
        return op("LogicalOr", x, y);
    }

    /**
     * Adds the logical negation of {@code x}, elementwise; a BOOL input.
     *
     * @param x the operand
     * @return BOOL, of x's shape
     */
    public Output logicalNot(Output x) {
        return op("LogicalNot", x);
    }

    /**
     * Adds {@code cond ? x : y}, elementwise, as NumPy's {@code np.where(cond, x, y)}: all three
     * broadcast together. {@code cond} is BOOL; x and y have one dtype, any (BOOL included).
     *
     * @param cond where to take x
     * @param x the values where cond holds
     * @param y the values where it does not
     * @return of x's dtype and the broadcast shape of all three
     */
    public Output where(Output cond, Output x, Output y) {
        return op("Where", cond, x, y);
    }

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
     * Adds {@code x} in the run-time shape of {@code like}, its elements kept in row-major order:
     * a reshape to a shape known only when the graph runs (gradients use it to restore an input's
     * shape). The element counts must be equal: refused here when both are known, else the run
     * fails. Any dtypes; {@code like}'s values are not read.
     *
     * @param x the input, whose dtype the output keeps
     * @param like the tensor whose shape the output takes
     * @return x's elements in like's shape
     */
    public Output reshapeLike(Output x, Output like) {
        return op("ReshapeLike", x, like);
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
     * Adds {@code x} surrounded by zeros (false for BOOL), as
     * {@code numpy.pad(x, list(zip(before, after)))}: along each axis {@code d}, {@code before[d]}
     * zeros first and {@code after[d]} last. The gradient of {@link #slice}. Any dtype.
     *
     * @param x the input, of rank r
     * @param before r widths >= 0, the zeros before x along each axis
     * @param after r widths >= 0, the zeros after x along each axis
     * @return the padded value
     */
    public Output pad(Output x, long[] before, long[] after) {
        return op("Pad", Attrs.builder().put("before", checkNotNull(before, "before"))
                .put("after", checkNotNull(after, "after")).build(), x);
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
     * Adds zeros of {@code like}'s run-time shape with the slices of {@code updates} added at
     * {@code indices} along {@code axis}, as {@code numpy.add.at}: the adjoint of
     * {@link #gather}, whose gradient it is. Slices at a repeated index add up. An index outside
     * {@code [0, n)} fails the run.
     *
     * @param like the tensor whose shape the output takes (any dtype; values not read), rank >= 1
     * @param indices INT32 or INT64 indices of any shape
     * @param updates numeric values of gather's output shape,
     *     {@code like.shape[:axis] + indices.shape + like.shape[axis+1:]}; their dtype is the output's
     * @param axis the axis to scatter along, negative counting from the end
     * @return the sums
     */
    public Output scatterAdd(Output like, Output indices, Output updates, int axis) {
        return op("ScatterAdd", Attrs.of("axis", axis), like, indices, updates);
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

    /**
     * Adds the inner product of two vectors, {@code sum over i of x[i] * y[i]}, as {@code numpy.dot}
     * on 1-D operands. Other ranks are refused: use {@link #matMul(Output, Output)} for matrices.
     *
     * @param x a vector of length k
     * @param y a vector of length k, of x's numeric dtype
     * @return the scalar product, of x's dtype
     */
    public Output dot(Output x, Output y) {
        return op("Dot", x, y);
    }

    /**
     * Adds the outer product of two vectors, {@code out[i, j] = x[i] * y[j]}, as
     * {@code numpy.outer} on 1-D operands.
     *
     * @param x a vector of length m
     * @param y a vector of length n, of x's numeric dtype
     * @return the {@code [m, n]} product
     */
    public Output outer(Output x, Output y) {
        return op("Outer", x, y);
    }

    /**
     * Adds the softmax along the last axis, {@code exp(x - max) / sum(exp(x - max))}; see
     * {@link #softmax(Output, int)}.
     *
     * @param x logits, float dtype, rank 1 or more
     * @return probabilities of x's dtype and shape, summing to 1 along the last axis
     */
    public Output softmax(Output x) {
        return softmax(x, -1);
    }

    /**
     * Adds the softmax along an axis, {@code exp(x - max) / sum(exp(x - max))} over each lane of
     * that axis; numerically stable (logits such as 1000 do not overflow). Float dtypes.
     *
     * @param x logits, float dtype, rank 1 or more
     * @param axis the axis to normalize, negative counting from the end
     * @return probabilities of x's dtype and shape
     */
    public Output softmax(Output x, int axis) {
        return op("Softmax", Attrs.of("axis", axis), x);
    }

    /**
     * Adds the log-softmax along the last axis; see {@link #logSoftmax(Output, int)}.
     *
     * @param x logits, float dtype, rank 1 or more
     * @return log-probabilities of x's dtype and shape
     */
    public Output logSoftmax(Output x) {
        return logSoftmax(x, -1);
    }

    /**
     * Adds the log-softmax along an axis, {@code x - max - log(sum(exp(x - max)))}: finite where
     * {@code log(softmax(x))} would underflow to -Inf. Float dtypes.
     *
     * @param x logits, float dtype, rank 1 or more
     * @param axis the axis to normalize, negative counting from the end
     * @return log-probabilities of x's dtype and shape
     */
    public Output logSoftmax(Output x, int axis) {
        return op("LogSoftmax", Attrs.of("axis", axis), x);
    }

    /**
     * Adds the softmax cross-entropy of logits against label distributions (one-hot or
     * probabilities): {@code -sum(labels * logSoftmax(logits), axis -1)}, computed stably.
     *
     * <pre>{@code
     * Output loss = tf.mean(tf.softmaxCrossEntropy(logits, oneHotLabels));
     * }</pre>
     *
     * @param logits {@code [..., C]}, float dtype
     * @param labels of the logits' shape and dtype
     * @return one loss per example, shape {@code logits.shape[:-1]}
     */
    public Output softmaxCrossEntropy(Output logits, Output labels) {
        return op("SoftmaxCrossEntropy", logits, labels);
    }

    /**
     * Adds the softmax cross-entropy of logits against class indices:
     * {@code -logSoftmax(logits)[label]} per example, computed stably. A label outside
     * {@code [0, C)} fails the run with a {@link dev.flowgraph.KernelException} naming the node,
     * the label and C.
     *
     * @param logits {@code [..., C]}, float dtype
     * @param labels INT32 or INT64 class indices of shape {@code logits.shape[:-1]}
     * @return one loss per example, of the logits' dtype and the labels' shape
     */
    public Output sparseSoftmaxCrossEntropy(Output logits, Output labels) {
        return op("SparseSoftmaxCrossEntropy", logits, labels);
    }

    /**
     * Adds the mean squared error {@code mean((predictions - targets)^2)} over all elements of
     * the broadcast of the two operands; empty operands give NaN. Float dtypes.
     *
     * @param predictions the predictions
     * @param targets the targets, of the predictions' dtype, broadcastable with them
     * @return a scalar of that dtype
     */
    public Output meanSquaredError(Output predictions, Output targets) {
        return op("MeanSquaredError", predictions, targets);
    }

    /**
     * Adds inverted dropout: each element of x is zeroed with probability {@code rate} and
     * otherwise scaled by {@code 1 / (1 - rate)}. The op is stateless and seeded: whether element
     * i is kept depends only on {@code (seed, i)}, so the mask is the same on every run and at any
     * number of threads (use another seed for another mask; feed or build a different graph for
     * inference without dropout). Float dtypes.
     *
     * @param x the input
     * @param rate the probability of dropping an element, in {@code [0, 1)}
     * @param seed the seed of the mask
     * @return x's dtype and shape
     */
    public Output dropout(Output x, double rate, long seed) {
        return op("Dropout", Attrs.builder().put("rate", rate).put("seed", seed).build(), x);
    }

    // ---- variables and training ----------------------------------------------------------------

    /**
     * Adds a variable: a value that lives in each session (two sessions over one graph hold
     * independent values), read by every run that needs it and changed by {@link #assign},
     * {@link #assignAdd} and {@link #assignSub}. Also adds, under the scope {@code name/}, the
     * initializer's nodes and the assign that sets the variable to their value; that assign is
     * marked with the attribute {@code initializer = true}, so {@link #initAllVariables} finds it
     * (also in a graph saved and loaded again). Reading the variable in a session before that
     * assign ran (or a checkpoint was restored) fails with
     * {@link dev.flowgraph.UninitializedVariableException}.
     *
     * <pre>{@code
     * Variable w = tf.variable("w", DType.FLOAT32, Shape.of(784, 128), Initializers.glorotUniform(7));
     * Output h = tf.matMul(x, w.output());
     * }</pre>
     *
     * @param name the variable's name, within this view's scope; it names the value in snapshots
     *     and checkpoints
     * @param dtype the dtype
     * @param shape the shape, fully defined
     * @param initializer builds the initial value, e.g. {@link Initializers#zeros()}
     * @return the variable's output and initializer assign
     * @throws GraphBuildException if the name is taken, the shape is not fully defined, or the
     *     initializer is refused or its value does not fit the dtype and shape (graphs are
     *     append-only, so the Variable node then stays, without an initializer)
     */
    public Variable variable(String name, DType dtype, Shape shape, Initializer initializer) {
        checkNotNull(dtype, "dtype");
        checkNotNull(shape, "shape");
        checkNotNull(initializer, "initializer");
        Output value = withName(name).op("Variable", Attrs.builder().put("dtype", dtype).put("shape", shape).build());
        Ops scoped = withScope(name);
        Output initial = initializer.build(scoped.withScope("Initializer"), dtype, shape);
        Node init = scoped.withName("Assign").variableWrite("Assign", Attrs.of("initializer", true), value, initial)
                .node();
        return new Variable(value, init);
    }

    /**
     * Adds an assignment {@code variable = value}, which takes effect when a run executes it. Every
     * read of the variable in the same run sees the old value (the assign consumes the variable's
     * output, so it runs after the variable node); the next run sees the new one. Two writes of
     * one variable in the same run are not ordered against each other.
     *
     * @param variable a variable's output ({@link Variable#output()})
     * @param value the new value, of the variable's dtype and shape
     * @return the new value
     * @throws GraphBuildException if {@code variable} is not a variable's output, or the dtype or
     *     shape differs (the message names both shapes)
     */
    public Output assign(Output variable, Output value) {
        return variableWrite("Assign", Attrs.empty(), variable, value);
    }

    /**
     * Adds {@code variable += value}, an atomic read-modify-write when a run executes it (so
     * concurrent runs never lose an update). Reads of the variable in the same run see the old
     * value; the next run sees the new one.
     *
     * @param variable a variable's output ({@link Variable#output()}), of a numeric dtype
     * @param value the increment, of the variable's dtype and shape
     * @return the new value
     * @throws GraphBuildException if {@code variable} is not a variable's output, or the dtype or
     *     shape differs
     */
    public Output assignAdd(Output variable, Output value) {
        return variableWrite("AssignAdd", Attrs.empty(), variable, value);
    }

    /**
     * Adds {@code variable -= value}, atomically, as {@link #assignAdd}.
     *
     * @param variable a variable's output ({@link Variable#output()}), of a numeric dtype
     * @param value the decrement, of the variable's dtype and shape
     * @return the new value
     * @throws GraphBuildException if {@code variable} is not a variable's output, or the dtype or
     *     shape differs
     */
    public Output assignSub(Output variable, Output value) {
        return variableWrite("AssignSub", Attrs.empty(), variable, value);
    }

    /**
     * Adds plain gradient descent's update of a variable as one fused op:
     * {@code variable -= learningRate * gradient} in one pass over memory, atomically as
     * {@link #assignSub}. Reads of the variable in the same run see the old value.
     *
     * @param variable a variable's output, FLOAT32 or FLOAT64
     * @param learningRate a scalar of the variable's dtype
     * @param gradient of the variable's dtype and shape
     * @return the variable's new value
     * @throws GraphBuildException if {@code variable} is not a variable's output, or a dtype or
     *     shape does not fit
     */
    public Output applyGradientDescent(Output variable, Output learningRate, Output gradient) {
        return applyUpdate("ApplyGradientDescent", Attrs.empty(), List.of(variable), learningRate, gradient);
    }

    /**
     * Adds the momentum update of a variable as one fused op, the update of
     * {@link dev.flowgraph.optimizers.Momentum}: {@code a = momentum * a + gradient}, then
     * {@code variable -= learningRate * a}, or with Nesterov
     * {@code variable -= learningRate * (gradient + momentum * a)}, in one pass over memory.
     * Reads of the variable and the accumulator in the same run see their old values.
     *
     * @param variable a variable's output, FLOAT32 or FLOAT64
     * @param accumulator the accumulator slot, a variable of the same dtype and shape
     * @param learningRate a scalar of the variable's dtype
     * @param gradient of the variable's dtype and shape
     * @param momentum the accumulator's decay, in {@code [0, 1)}, rounded to the variable's dtype
     * @param nesterov whether to use Nesterov's look-ahead form
     * @return the variable's new value
     * @throws GraphBuildException if an input that must be a variable is not one, a dtype or shape
     *     does not fit, or the momentum is out of range
     */
    public Output applyMomentum(Output variable, Output accumulator, Output learningRate, Output gradient,
            double momentum, boolean nesterov) {
        Attrs attrs = Attrs.builder().put("momentum", momentum).put("nesterov", nesterov).build();
        return applyUpdate("ApplyMomentum", attrs, List.of(variable, accumulator), learningRate, gradient);
    }

    /**
     * Adds Adam's update of a variable as one fused op, the update of
     * {@link dev.flowgraph.optimizers.Adam}: {@code m = beta1 * m + (1 - beta1) * g},
     * {@code v = beta2 * v + (1 - beta2) * g * g},
     * {@code variable -= learningRateT * m / (sqrt(v) + epsilon)}, in one pass over memory. The
     * constants are rounded to the variable's dtype ({@code 1 - beta} computed in FLOAT64 first).
     * Reads of the three variables in the same run see their old values.
     *
     * @param variable a variable's output, FLOAT32 or FLOAT64
     * @param m the first-moment slot, a variable of the same dtype and shape
     * @param v the second-moment slot, a variable of the same dtype and shape
     * @param learningRateT the step's bias-corrected step size
     *     {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, a scalar of the variable's dtype
     * @param gradient of the variable's dtype and shape
     * @param beta1 the first moment's decay, in {@code [0, 1)}
     * @param beta2 the second moment's decay, in {@code [0, 1)}
     * @param epsilon added to {@code sqrt(v)}, positive
     * @return the variable's new value
     * @throws GraphBuildException if an input that must be a variable is not one, a dtype or shape
     *     does not fit, or a constant is out of range
     */
    public Output applyAdam(Output variable, Output m, Output v, Output learningRateT, Output gradient, double beta1,
            double beta2, double epsilon) {
        Attrs attrs = Attrs.builder().put("beta1", beta1).put("beta2", beta2).put("epsilon", epsilon).build();
        return applyUpdate("ApplyAdam", attrs, List.of(variable, m, v), learningRateT, gradient);
    }

    /**
     * Adds RMSProp's update of a variable as one fused op, the update of
     * {@link dev.flowgraph.optimizers.RMSProp}: {@code ms = rho * ms + (1 - rho) * g * g},
     * {@code mom = momentum * mom + learningRate * g / sqrt(ms + epsilon)},
     * {@code variable -= mom}, in one pass over memory. The constants are rounded to the
     * variable's dtype ({@code 1 - rho} computed in FLOAT64 first). Reads of the three variables
     * in the same run see their old values.
     *
     * @param variable a variable's output, FLOAT32 or FLOAT64
     * @param ms the mean-square slot, a variable of the same dtype and shape
     * @param mom the momentum slot, a variable of the same dtype and shape
     * @param learningRate a scalar of the variable's dtype
     * @param gradient of the variable's dtype and shape
     * @param rho the mean square's decay, in {@code [0, 1)}
     * @param momentum the momentum's decay, in {@code [0, 1)}
     * @param epsilon added to {@code ms} under the square root, positive
     * @return the variable's new value
     * @throws GraphBuildException if an input that must be a variable is not one, a dtype or shape
     *     does not fit, or a constant is out of range
     */
    public Output applyRMSProp(Output variable, Output ms, Output mom, Output learningRate, Output gradient,
            double rho, double momentum, double epsilon) {
        Attrs attrs = Attrs.builder().put("rho", rho).put("momentum", momentum).put("epsilon", epsilon).build();
        return applyUpdate("ApplyRMSProp", attrs, List.of(variable, ms, mom), learningRate, gradient);
    }

    private Output applyUpdate(String opType, Attrs attrs, List<Output> variables, Output learningRate,
            Output gradient) {
        List<Output> inputs = new ArrayList<>();
        for (Output v : variables) {
            checkNotNull(v, "variable");
            if (!v.node().opType().equals("Variable")) {
                throw new GraphBuildException("Cannot add " + opType + ": its input " + inputs.size() + " must be a"
                        + " variable's output, but '" + v.name() + "' is the output of a " + v.node().opType()
                        + " node");
            }
            inputs.add(v);
        }
        inputs.add(checkNotNull(learningRate, "learningRate"));
        inputs.add(checkNotNull(gradient, "gradient"));
        return op(opType, attrs, inputs.toArray(Output[]::new));
    }

    private Output variableWrite(String opType, Attrs attrs, Output variable, Output value) {
        checkNotNull(variable, "variable");
        checkNotNull(value, "value");
        if (!variable.node().opType().equals("Variable")) {
            throw new GraphBuildException("Cannot add " + opType + ": its first input must be a variable's output, but '"
                    + variable.name() + "' is the output of a " + variable.node().opType() + " node");
        }
        return op(opType, attrs, variable, value);
    }

    /**
     * Adds a node that does nothing but depends on {@code deps}: a run target that runs them all
     * (a training step that applies several updates, say). The node has no outputs, so it can
     * only be a target ({@code runner.addTarget}) or a control input.
     *
     * @param name the node's name, within this view's scope
     * @param deps the nodes to run
     * @return the node
     * @throws GraphBuildException if the name is taken or a dependency is from another graph
     */
    public Node group(String name, Node... deps) {
        return withName(name).noOp("NoOp", List.of(deps));
    }

    /**
     * Adds a target that runs the initializer assign of every variable in the graph at the time
     * of this call (the assigns {@link #variable} marked). Variables created afterwards, such as
     * an optimizer's slots, need a later call. Named {@code init} ({@code init_1}, ...) unless
     * {@link #withName} says otherwise.
     *
     * <pre>{@code
     * session.runner().addTarget(tf.initAllVariables()).run();
     * }</pre>
     *
     * @return the target node
     */
    public Node initAllVariables() {
        List<Node> inits = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (n.opType().equals("Assign") && n.attrs().getBoolean("initializer", false)) {
                inits.add(n);
            }
        }
        return noOp("init", inits);
    }

    private Node noOp(String defaultName, List<Node> deps) {
        NodeBuilder b = graph.nodeBuilder("NoOp");
        for (Node dep : deps) {
            b.controlInput(checkNotNull(dep, "dependency"));
        }
        if (nextName != null) {
            b.name(qualify(nextName));
        } else {
            b.uniqueName(qualify(defaultName));
        }
        return b.build();
    }

    // ---- random ---------------------------------------------------------------------------------

    private Output random(String opType, Shape shape, DType dtype, long seed) {
        return op(opType, Attrs.builder().put("shape", shape).put("dtype", dtype).put("seed", seed).build());
    }

    /**
     * Adds a tensor of samples uniform on {@code [0, 1)}. The op is stateless and seeded: element
     * i is a pure function of {@code (seed, i)}, so the node gives the same tensor on every run,
     * at any number of threads; use another seed for other values.
     *
     * @param shape the output's shape, fully defined
     * @param dtype FLOAT32 or FLOAT64
     * @param seed the seed
     * @return the samples
     */
    public Output randomUniform(Shape shape, DType dtype, long seed) {
        return random("RandomUniform", shape, dtype, seed);
    }

    /**
     * Adds a tensor of standard normal samples (mean 0, variance 1). Stateless and seeded like
     * {@link #randomUniform}: the same tensor on every run.
     *
     * @param shape the output's shape, fully defined
     * @param dtype FLOAT32 or FLOAT64
     * @param seed the seed
     * @return the samples
     */
    public Output randomNormal(Shape shape, DType dtype, long seed) {
        return random("RandomNormal", shape, dtype, seed);
    }

    /**
     * Adds a tensor of standard normal samples redrawn while {@code |z| > 2}, so that all lie in
     * {@code [-2, 2]}, as TensorFlow's {@code truncated_normal} (a common weight initializer).
     * Stateless and seeded like {@link #randomUniform}: the same tensor on every run.
     *
     * @param shape the output's shape, fully defined
     * @param dtype FLOAT32 or FLOAT64
     * @param seed the seed
     * @return the samples
     */
    public Output truncatedNormal(Shape shape, DType dtype, long seed) {
        return random("TruncatedNormal", shape, dtype, seed);
    }
}
