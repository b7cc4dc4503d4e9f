package dev.flowgraph.autodiff;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.ops.Ops;
import java.util.List;

/**
 * The gradient part of an op: given the gradients flowing into a node's outputs, builds (as more
 * graph, through {@link Ops}) the gradients of the node's inputs. An op's {@code OpDef} class
 * implements this interface next to its shape rule and kernel; {@link Gradients#of} calls it for
 * every node on a path from the differentiated inputs to the differentiated output.
 *
 * <p>Rules for implementations:
 * <ul>
 *   <li>Return one entry per input, in input order. An entry is the input's gradient with the
 *       input's dtype and a shape that equals the input's at run time: where the op broadcast an
 *       input, reduce the gradient back with {@link Ops#sumTo}.
 *   <li>Return {@code null} for an input whose gradient is zero (an input read only for its
 *       shape, the indices of a gather, a piecewise-constant function); {@link Gradients} then
 *       adds nothing for it. Inputs that are not floats never receive gradients, whatever is
 *       returned for them.
 *   <li>Build the gradient from differentiable ops, so that gradients of gradients work.
 * </ul>
 *
 * <pre>{@code
 * final class Mul implements OpDef, Differentiable {
 *     public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
 *         Output x = node.input(0), y = node.input(1), dz = dOutputs.get(0);
 *         return List.of(tf.sumTo(tf.mul(dz, y), x), tf.sumTo(tf.mul(dz, x), y));
 *     }
 * }
 * }</pre>
 */
public interface Differentiable {
    /**
     * Builds the gradients of a node's inputs.
     *
     * @param tf the facade to add the gradient's nodes with (scoped under {@code gradients/})
     * @param node the forward node
     * @param outputGradients per output of the node, the gradient of the differentiated output
     *     with respect to it (same dtype and shape as that output), or {@code null} for an output
     *     that does not lead there; at least one is non-null
     * @return per input, its gradient or {@code null} for a zero gradient
     */
    List<Output> gradients(Ops tf, Node node, List<Output> outputGradients);
}
