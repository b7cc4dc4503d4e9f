package dev.flowgraph.ops.reduce;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.Widening;
import dev.flowgraph.ops.kernels.FoldOperation;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.ReduceLayout;
import dev.flowgraph.ops.kernels.Reductions;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.function.ObjIntConsumer;

/**
 * The shared shape rule and kernel of the folding reductions (sum, prod, max, min, mean) over the
 * axes {@link ReduceAxes} reads. Floats fold in double precision and integers in long precision;
 * the result has the input's dtype. Each output element folds its inputs in row-major order
 * within one block, or, for a float fold of more than {@link KernelTuning#REDUCE_PART_ELEMENTS}
 * elements per output, in fixed parts folded in order ({@link Reductions#foldParts(ReduceLayout)}),
 * so results are the same at any pool size.
 */
abstract class Reduction implements OpDef {
    /**
     * A fold over each of the two domains reductions compute in.
     *
     * @param overDoubles the fold over floats, widened to double (a loop of its own per operation)
     * @param doubleIdentity its starting value
     * @param overLongs the fold over integers, widened to long (null if integers are refused)
     * @param longIdentity its starting value
     */
    record Fold(FoldOperation overDoubles, double doubleIdentity, LongBinaryOperator overLongs,
            long longIdentity) {}

    private final String type;
    private final String displayName;
    private final Fold fold;

    Reduction(String type, String displayName, Fold fold) {
        this.type = type;
        this.displayName = displayName;
        this.fold = fold;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return 1;
    }

    /** Whether reducing an empty axis is defined (it is not for max and min). */
    boolean hasIdentity() {
        return true;
    }


    /** Turns the folded doubles into results in place; mean divides by the count here. */
    void finish(double[] folded, int reducedCount) {
        // The fold itself is the result for every reduction but mean.
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = node.inputDType(0);
        checkArgument(dtype.isNumeric(), "%s of %s is not defined; it needs a numeric dtype", displayName, dtype);
        checkArgument(dtype.isFloating() || fold.overLongs() != null,
                "%s of %s is not defined; cast to float32 or float64 first", displayName, dtype);
        if (!hasIdentity()) {
            ReduceAxes.requireNonEmpty(node, displayName);
        }
        return List.of(new OutputSpec(dtype, ReduceAxes.inferShape(node)));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        boolean[] reduced = ReduceAxes.reducedMask(k.attrs(), x.rank());
        ReduceLayout layout = ReduceLayout.of(x.shape().dims(), reduced);
        Shape outShape = ReduceAxes.outputShape(x.shape(), reduced,
                k.attrs().getBoolean(ReduceAxes.KEEP_DIMS, false));
        checkArgument(hasIdentity() || layout.reducedCount() > 0 || layout.outputCount() == 0,
                "%s of an empty axis has no identity (input shape %s)", displayName, x.shape());
        k.setOutput(0, fold(k, x, layout, outShape, fold, this::finish));
    }

    /**
     * Returns a reduction's output gradient shaped to broadcast against its input: with the reduced
     * axes back as size-1 axes where the reduction dropped them. The reductions' gradients start
     * from it.
     *
     * @param tf the facade to add nodes with
     * @param node the reduction node
     * @param dz the gradient of its output
     * @return dz, possibly with size-1 axes inserted
     */
    static Output keptDims(Ops tf, Node node, Output dz) {
        Attrs attrs = node.attrs();
        if (attrs.getBoolean(ReduceAxes.KEEP_DIMS, false) || !attrs.has(ReduceAxes.AXES)) {
            // Kept axes broadcast already, and a reduction over all axes without them is a scalar.
            return dz;
        }
        Shape in = node.input(0).shape();
        if (!in.hasKnownRank()) {
            throw new GraphBuildException(String.format(
                    "the gradient of node '%s' (op %s) needs the rank of its input, which is unknown",
                    node.name(), node.opType()));
        }
        boolean[] reduced = ReduceAxes.reducedMask(attrs, in.rank());
        Output kept = dz;
        for (int axis = 0; axis < reduced.length; axis++) {
            if (reduced[axis]) {
                kept = tf.expandDims(kept, axis);
            }
        }
        return kept;
    }

    /** A reduction of the facade, as {@code Ops.sum(x, axes, keepDims)}. */
    @FunctionalInterface
    interface AxisFold {
        /**
         * Adds the reduction.
         *
         * @param v the input
         * @param axes the axes, or null for all
         * @param keepDims whether reduced axes stay with size 1
         * @return the result
         */
        Output apply(Output v, int[] axes, boolean keepDims);
    }

    /**
     * Reduces a tensor of the node's input shape over the node's reduced axes, keeping them as
     * size-1 axes so that the result broadcasts against the input; the reductions' gradients use
     * it to count or multiply within each reduced group.
     *
     * @param node the reduction node
     * @param v a tensor of its input's shape
     * @param fold the reduction, e.g. {@code tf::sum}
     * @return v reduced, with kept axes
     */
    static Output foldKept(Node node, Output v, AxisFold fold) {
        Attrs attrs = node.attrs();
        int[] axes = attrs.has(ReduceAxes.AXES)
                ? Arrays.stream(attrs.getLongArray(ReduceAxes.AXES)).mapToInt(Math::toIntExact).toArray()
                : null;
        return fold.apply(v, axes, true);
    }

    /**
     * The gradient of max and min, as TensorFlow's {@code reduce_max}: dz goes to the elements
     * equal to the result, split evenly among ties (two maxima get half each).
     *
     * @param tf the facade to add nodes with
     * @param node the max or min node
     * @param dz the gradient of its output
     * @return the input's gradient
     */
    static List<Output> extremeGradients(Ops tf, Node node, Output dz) {
        Output x = node.input(0);
        Output hit = tf.cast(tf.equal(x, keptDims(tf, node, node.output(0))), x.dtype());
        Output ties = foldKept(node, hit, tf::sum);
        return List.of(tf.mul(tf.div(hit, ties), keptDims(tf, node, dz)));
    }

    /**
     * Folds {@code x} over a layout's reduced axes on the pool, in blocks whose size depends only
     * on the layout, so the result is the same at any pool size.
     *
     * @param k the kernel's context, for its pool
     * @param x the input
     * @param layout the reduction's layout over x
     * @param outShape the result's shape
     * @param fold the fold
     * @param finish applied to the folded doubles in place, with the count each output folded
     * @return the result, of x's dtype
     */
    static Tensor fold(KernelContext k, Tensor x, ReduceLayout layout, Shape outShape, Fold fold,
            ObjIntConsumer<double[]> finish) {
        int outputs = layout.outputCount();
        int grain = Math.max(1, KernelTuning.REDUCE_BLOCK_ELEMENTS / Math.max(1, layout.reducedCount()));
        if (x.dtype().isFloating()) {
            double[] out = new double[outputs];
            FoldOperation op = fold.overDoubles();
            double identity = fold.doubleIdentity();
            int parts = Reductions.foldParts(layout);
            double[] partials = parts > 1 ? new double[outputs * parts] : null;
            RangeBody body;
            if (x.dtype() == DType.FLOAT32) {
                // Widened element by element as it is read, rather than copied into a double array first.
                float[] in = (float[]) TensorBuffers.array(x);
                body = parts > 1
                        ? (from, to) -> Reductions.foldParts(in, layout, parts, op, identity, partials, from, to)
                        : (from, to) -> Reductions.fold(in, layout, op, identity, out, from, to);
            } else {
                double[] in = Widening.asDoubles(x);
                body = parts > 1
                        ? (from, to) -> Reductions.foldParts(in, layout, parts, op, identity, partials, from, to)
                        : (from, to) -> Reductions.fold(in, layout, op, identity, out, from, to);
            }
            if (parts > 1) {
                k.parallelFor(partials.length, 1, body);
                Reductions.joinParts(partials, parts, op, identity, out);
            } else {
                k.parallelFor(outputs, grain, body);
            }
            finish.accept(out, layout.reducedCount());
            return Widening.fromDoubles(out, x.dtype(), outShape);
        }
        long[] in = Widening.asLongs(x);
        long[] out = new long[outputs];
        k.parallelFor(outputs, grain,
                (from, to) -> Reductions.fold(in, layout, fold.overLongs(), fold.longIdentity(), out, from, to));
        return Widening.fromLongs(out, x.dtype(), outShape);
    }
}
