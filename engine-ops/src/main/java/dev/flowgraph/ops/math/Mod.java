package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.Arithmetic;
import java.util.List;

/**
 * Elementwise {@code x mod y} with NumPy broadcasting, on one numeric dtype, as NumPy's
 * {@code np.mod} (Python's {@code %}): the result has the sign of the divisor,
 * {@code x - floor(x / y) * y} in exact arithmetic ({@code -7 mod 3} is 2, {@code 7 mod -3} is
 * -2). Not {@code np.fmod}, whose result has the dividend's sign.
 *
 * <p>Floats: computed from the exact truncated remainder as NumPy does (see
 * {@link Arithmetic#mod(double, double)}); a zero result takes the divisor's sign; mod by 0, an
 * infinite dividend and NaN give NaN. Integers: a zero divisor makes the kernel throw
 * "integer modulo by zero", which the session reports as a {@link dev.flowgraph.KernelException}
 * naming the node.
 */
final class Mod extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Mod";

    Mod() {
        super(TYPE, (x, y) -> (float) Arithmetic.mod(x, y), Arithmetic::mod, (x, y) -> (int) Arithmetic.mod(x, y),
                Arithmetic::mod);
    }

    @Override
    public String summary() {
        return "mod(x, y): x mod y elementwise with NumPy broadcasting, as np.mod (sign of the divisor); numeric "
                + "dtypes, both the same; float mod 0 is NaN, integer mod 0 fails the run";
    }

    /** x mod y = x - floor(x / y) * y with floor piecewise constant, as TensorFlow's FloorMod gradient:
     * dz for x and -dz * floor(x / y) for y, each summed back to its input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        Output dz = dOutputs.get(0);
        return List.of(tf.sumTo(dz, x), tf.sumTo(tf.neg(tf.mul(dz, tf.floor(tf.div(x, y)))), y));
    }
}
