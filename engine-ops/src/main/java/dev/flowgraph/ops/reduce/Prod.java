package dev.flowgraph.ops.reduce;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.FoldOperation;
import java.util.List;

/**
 * The product over the chosen axes (all by default); an empty reduction is 1. FLOAT32 products
 * are accumulated in double and rounded once; INT32 products wrap as int arithmetic does.
 */
final class Prod extends Reduction implements Differentiable {
    static final String TYPE = "Prod";

    Prod() {
        super(TYPE, "prod", new Fold(FoldOperation.PRODUCT, 1.0, (a, b) -> a * b, 1L));
    }

    @Override
    public String summary() {
        return "prod(x[, axes, keepDims]): product over axes (all by default); 1 when empty; integers wrap";
    }

    /** The product of the other elements of each element's group, times dz. It is computed without
     * dividing by zero: from the product of the group's non-zero elements and its count of zeros (the
     * others' product is the non-zero product over the element when no other element is zero, and 0
     * otherwise), so first derivatives are exact with zeros in the input. Two limits, where
     * TensorFlow's cumulative products do better: a non-zero element's value divides the product, so
     * when that product overflows or underflows the result may be infinite or 0 where the others'
     * product is finite; and gradients of this gradient are exact only in groups without a zero. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output isZero = tf.equal(x, tf.zerosLike(x));
        Output nonZero = tf.where(isZero, tf.onesLike(x), x);
        Output nonZeroProduct = foldKept(node, nonZero, tf::prod);
        Output zeroCount = foldKept(node, tf.cast(isZero, x.dtype()), tf::sum);
        // The other elements hold no zero when the group's zero count equals this element's own.
        Output othersNonZero = tf.equal(zeroCount, tf.cast(isZero, x.dtype()));
        Output others = tf.where(othersNonZero, tf.div(nonZeroProduct, nonZero), tf.zerosLike(x));
        return List.of(tf.mul(others, keptDims(tf, node, dOutputs.get(0))));
    }
}
