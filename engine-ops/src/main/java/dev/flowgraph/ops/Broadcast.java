package dev.flowgraph.ops;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;

/**
 * The shape rules that elementwise ops share: one numeric dtype for all inputs, and NumPy
 * broadcasting of two shapes.
 *
 * <p>Rules throw {@link IllegalArgumentException} saying what is wrong; {@link
 * dev.flowgraph.Graph#addNode} turns it into a {@link dev.flowgraph.GraphBuildException} that
 * also names the node, its op type and its inputs' dtypes and shapes.
 *
 * <pre>{@code
 * public List<OutputSpec> infer(NodeSpec n) {
 *     return List.of(Broadcast.binary(n));   // float32[2, 1] and float32[3] give float32[2, 3]
 * }
 * }</pre>
 */
public final class Broadcast {
    private Broadcast() {}

    /**
     * The shape rule of an elementwise binary op: both inputs of one numeric dtype, the output of
     * that dtype and of the broadcast of their shapes.
     *
     * @param node a node with two inputs
     * @return the output's dtype and static shape; unknown dimensions and ranks stay unknown
     *     where broadcasting cannot settle them
     * @throws IllegalArgumentException if the node has not two inputs, the dtypes differ or are
     *     not numeric, or the shapes cannot be broadcast
     */
    public static OutputSpec binary(NodeSpec node) {
        checkNotNull(node, "node");
        checkArgument(node.inputCount() == 2, "an elementwise binary op takes 2 inputs, not %s", node.inputCount());
        DType dtype = numericDType(node);
        return new OutputSpec(dtype, Shape.broadcast(node.inputShape(0), node.inputShape(1)));
    }

    /**
     * Returns the dtype that all of a node's inputs share, checking that it is numeric.
     *
     * @param node a node with at least one input
     * @return the common dtype
     * @throws IllegalArgumentException if the node has no inputs, two inputs' dtypes differ, or
     *     the common dtype is BOOL
     */
    public static DType numericDType(NodeSpec node) {
        DType dtype = commonDType(node);
        checkArgument(dtype.isNumeric(), "%s is not a numeric dtype", dtype);
        return dtype;
    }

    /**
     * Returns the dtype that all of a node's inputs share, of any kind (BOOL included).
     *
     * @param node a node with at least one input
     * @return the common dtype
     * @throws IllegalArgumentException if the node has no inputs or two inputs' dtypes differ
     */
    public static DType commonDType(NodeSpec node) {
        checkNotNull(node, "node");
        checkArgument(node.inputCount() > 0, "the op needs at least one input");
        DType dtype = node.inputDType(0);
        for (int i = 1; i < node.inputCount(); i++) {
            DType other = node.inputDType(i);
            checkArgument(other == dtype, "dtypes differ: %s and %s; cast one operand", dtype, other);
        }
        return dtype;
    }
}
