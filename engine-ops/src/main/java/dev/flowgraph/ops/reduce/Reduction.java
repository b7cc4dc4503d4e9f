package dev.flowgraph.ops.reduce;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Widening;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.ReduceLayout;
import dev.flowgraph.ops.kernels.Reductions;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The shared shape rule and kernel of the folding reductions (sum, prod, max, min, mean) over the
 * axes {@link ReduceAxes} reads. Floats fold in double precision and integers in long precision;
 * the result has the input's dtype. Each output element folds its inputs in row-major order
 * within one block, so results are the same at any pool size.
 */
abstract class Reduction implements OpDef {
    /**
     * A fold over each of the two domains reductions compute in.
     *
     * @param overDoubles the fold over floats, widened to double
     * @param doubleIdentity its starting value
     * @param overLongs the fold over integers, widened to long (null if integers are refused)
     * @param longIdentity its starting value
     */
    record Fold(DoubleBinaryOperator overDoubles, double doubleIdentity, LongBinaryOperator overLongs,
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
        int outputs = layout.outputCount();
        int grain = Math.max(1, KernelTuning.REDUCE_BLOCK_ELEMENTS / Math.max(1, layout.reducedCount()));
        if (x.dtype().isFloating()) {
            double[] out = new double[outputs];
            RangeBody body;
            if (x.dtype() == DType.FLOAT32) {
                // Widened element by element as it is read, rather than copied into a double array first.
                float[] in = (float[]) TensorBuffers.array(x);
                body = (from, to) -> Reductions.fold(in, layout, fold.overDoubles(), fold.doubleIdentity(), out, from, to);
            } else {
                double[] in = Widening.asDoubles(x);
                body = (from, to) -> Reductions.fold(in, layout, fold.overDoubles(), fold.doubleIdentity(), out, from, to);
            }
            k.parallelFor(outputs, grain, body);
            finish(out, layout.reducedCount());
            k.setOutput(0, Widening.fromDoubles(out, x.dtype(), outShape));
        } else {
            long[] in = Widening.asLongs(x);
            long[] out = new long[outputs];
            k.parallelFor(outputs, grain,
                    (from, to) -> Reductions.fold(in, layout, fold.overLongs(), fold.longIdentity(), out, from, to));
            k.setOutput(0, Widening.fromLongs(out, x.dtype(), outShape));
        }
    }
}
