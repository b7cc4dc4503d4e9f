/**
 * Neural-network ops: {@code Softmax} and {@code LogSoftmax} along an axis, the losses
 * {@code SoftmaxCrossEntropy} (label distributions), {@code SparseSoftmaxCrossEntropy} (class
 * indices) and {@code MeanSquaredError}, and {@code Dropout} with a seeded stateless mask,
 * registered by {@link dev.flowgraph.ops.nn.NnOps} and
 * reached through {@link dev.flowgraph.ops.Ops#softmax}, {@link dev.flowgraph.ops.Ops#logSoftmax},
 * {@link dev.flowgraph.ops.Ops#softmaxCrossEntropy},
 * {@link dev.flowgraph.ops.Ops#sparseSoftmaxCrossEntropy},
 * {@link dev.flowgraph.ops.Ops#meanSquaredError} and {@link dev.flowgraph.ops.Ops#dropout}.
 *
 * <p>All take float inputs and compute in double (a FLOAT32 result is rounded once at the end).
 * Softmax and the cross-entropies subtract each lane's maximum before exponentiating, so logits
 * such as 1000 and -1000 give exact probabilities and finite losses.
 */
package dev.flowgraph.ops.nn;
