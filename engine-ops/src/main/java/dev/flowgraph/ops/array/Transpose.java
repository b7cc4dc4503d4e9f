package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.ArrayCopy;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;

/**
 * Permutes the axes of a tensor, as {@code numpy.transpose}: output axis {@code i} is input axis
 * {@code perm[i]} (attribute {@code perm}, {@code long[]}, negative values counting from the
 * end); an absent or empty {@code perm} reverses the axes. Any dtype.
 */
final class Transpose extends ArrayOp implements Differentiable {
    static final String TYPE = "Transpose";
    static final String PERM = "perm";

    Transpose() {
        super(TYPE, 1);
    }

    @Override
    public String summary() {
        return "transpose(x, perm...): output axis i is input axis perm[i], as numpy.transpose; no perm reverses "
                + "the axes; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        Shape in = node.inputShape(0);
        long[] given = node.attrs().has(PERM) ? node.attrs().getLongArray(PERM) : new long[0];
        if (!in.hasKnownRank()) {
            return List.of(new OutputSpec(node.inputDType(0),
                    given.length == 0 ? Shape.unknown() : Shape.unknownDims(given.length)));
        }
        int[] perm = perm(node.attrs(), in.rank());
        long[] dims = in.dims();
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = dims[perm[i]];
        }
        return List.of(new OutputSpec(node.inputDType(0), Shape.of(out)));
    }

    /** The normalized permutation for a rank-{@code rank} input. */
    private static int[] perm(Attrs attrs, int rank) {
        long[] given = attrs.has(PERM) ? attrs.getLongArray(PERM) : new long[0];
        int[] perm = new int[rank];
        if (given.length == 0) {
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
            return perm;
        }
        checkArgument(given.length == rank, "perm %s has %s entries for an input of rank %s; it must be a "
                + "permutation of the %s axes", Arrays.toString(given), given.length, rank, rank);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            checkArgument(given[i] >= -rank && given[i] < rank, "perm %s: axis %s is out of range for rank %s",
                    Arrays.toString(given), given[i], rank);
            perm[i] = (int) (given[i] < 0 ? given[i] + rank : given[i]);
            checkArgument(!seen[perm[i]], "perm %s repeats axis %s; it must be a permutation",
                    Arrays.toString(given), perm[i]);
            seen[perm[i]] = true;
        }
        return perm;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        long[] dims = x.shape().dims();
        int[] perm = perm(k.attrs(), dims.length);
        long[] inStrides = ArrayShapes.strides(dims);
        long[] outDims = new long[perm.length];
        long[] srcStrides = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            outDims[i] = dims[perm[i]];
            srcStrides[i] = inStrides[perm[i]];
        }
        Object src = TensorBuffers.array(x);
        Object out = ArrayCopy.allocate(src, x.size());
        k.parallelFor(x.size(), ArrayShapes.grain(1),
                (from, to) -> ArrayCopy.strided(src, 0, outDims, srcStrides, out, from, to));
        k.setOutput(0, TensorBuffers.wrap(x.dtype(), Shape.of(outDims), out));
    }

    /** The gradient is dz transposed by the inverse permutation. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        long[] given = node.attrs().has(PERM) ? node.attrs().getLongArray(PERM) : new long[0];
        if (given.length == 0) {
            // Reversing the axes is its own inverse.
            return List.of(tf.transpose(dOutputs.get(0)));
        }
        int[] perm = perm(node.attrs(), given.length);
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return List.of(tf.transpose(dOutputs.get(0), inverse));
    }
}
