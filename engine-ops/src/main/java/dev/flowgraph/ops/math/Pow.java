package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.Arithmetic;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code x^y} with NumPy broadcasting, on one numeric dtype.
 *
 * <p>Floats follow C99's {@code pow}, as NumPy does: {@link Math#pow}, except that
 * {@code pow(1, y)} is 1 for any y (NaN included) and {@code pow(-1, ±inf)} is 1; a negative base
 * to a non-integer power is NaN. FLOAT32 computes in double and rounds once. Integers are the
 * exact power by repeated squaring, wrapping on overflow ({@code 2^31} in INT32 is
 * {@code MIN_VALUE}, {@code 0^0} is 1); a negative exponent makes the kernel throw, which the
 * session reports as a {@link dev.flowgraph.KernelException} naming the node.
 */
final class Pow extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Pow";

    Pow() {
        super(TYPE, BinaryArithmetic.POW, (x, y) -> (int) Arithmetic.pow(x, y), Arithmetic::pow);
    }

    @Override
    public String summary() {
        return "pow(x, y): x^y elementwise with NumPy broadcasting; numeric dtypes, both the same; floats as C pow; "
                + "integers exact with wrap-around, a negative exponent fails the run";
    }

    /** d x^y = y x^(y-1) dz for x, and x^y ln(x) dz for y, each summed back to its input's shape. As
     * in TensorFlow, y's gradient is 0 where x &lt;= 0 (where ln x is not real), and ln is taken of 1
     * there so that no infinity or NaN reaches gradients of this gradient. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        Output dz = dOutputs.get(0);
        Output dx = tf.mul(dz, tf.mul(y, tf.pow(x, tf.sub(y, tf.onesLike(y)))));
        Output positive = tf.greater(x, tf.zerosLike(x));
        Output logX = tf.where(positive, tf.log(tf.where(positive, x, tf.onesLike(x))), tf.zerosLike(x));
        Output dy = tf.mul(dz, tf.mul(node.output(0), logX));
        return List.of(tf.sumTo(dx, x), tf.sumTo(dy, y));
    }
}
