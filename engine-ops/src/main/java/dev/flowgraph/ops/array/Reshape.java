package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Gives a tensor a new shape with the same elements in the same row-major order, as
 * {@code numpy.reshape}: attribute {@code shape} ({@code long[]}) may hold one -1, inferred from
 * the element count. A size mismatch is refused when the node is added if the input's size is
 * known statically, and fails the run otherwise. The output shares the input's elements.
 */
final class Reshape extends MetadataOp implements Differentiable {
    static final String TYPE = "Reshape";
    static final String SHAPE = "shape";

    Reshape() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "reshape(x, shape...): same elements in a new shape, as numpy.reshape; one -1 is inferred; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        long[] target = node.attrs().getLongArray(SHAPE);
        long size = node.inputShape(0).size();
        return List.of(new OutputSpec(node.inputDType(0), resolve(target, size, node.inputShape(0))));
    }

    /**
     * The output shape for an input of {@code size} elements (-1 if unknown): the target with its
     * -1 inferred when the size is known.
     */
    private static Shape resolve(long[] target, long size, Shape in) {
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            checkArgument(target[i] >= -1, "shape %s has a negative size %s; sizes are >= 0, or one -1 to infer",
                    Arrays.toString(target), target[i]);
            if (target[i] == -1) {
                checkArgument(unknown < 0, "shape %s has more than one -1; only one size can be inferred",
                        Arrays.toString(target));
                unknown = i;
            } else {
                known = Math.multiplyExact(known, target[i]);
            }
        }
        if (size < 0) {
            return Shape.of(target);
        }
        if (unknown < 0) {
            checkArgument(known == size, "cannot reshape %s (%s elements) into shape %s (%s elements)", in, size,
                    Arrays.toString(target), known);
            return Shape.of(target);
        }
        checkArgument(known != 0, "cannot reshape %s (%s elements) into shape %s: the other sizes multiply to 0, "
                + "so the -1 could be anything", in, size, Arrays.toString(target));
        checkArgument(size % known == 0, "cannot reshape %s (%s elements) into shape %s: %s is not a multiple of %s",
                in, size, Arrays.toString(target), size, known);
        long[] out = target.clone();
        out[unknown] = size / known;
        return Shape.of(out);
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        k.setOutput(0, ArrayShapes.relabel(x, resolve(k.attrs().getLongArray(SHAPE), x.size(), x.shape())));
    }

    /** The gradient is dz in the input's run-time shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.reshapeLike(dOutputs.get(0), node.input(0)));
    }
}
