/**
 * Seeded random ops: {@code RandomUniform}, {@code RandomNormal} and {@code TruncatedNormal},
 * registered by {@link dev.flowgraph.ops.random.RandomOps} and reached through
 * {@link dev.flowgraph.ops.Ops#randomUniform}, {@link dev.flowgraph.ops.Ops#randomNormal} and
 * {@link dev.flowgraph.ops.Ops#truncatedNormal}.
 *
 * <p>These ops are stateless: element i of the output is a pure function of the seed attribute and
 * i (a counter-based generator, {@link dev.flowgraph.ops.kernels.CounterRandom}), so a node gives
 * the same tensor on every run of every session, bit for bit, at any number of threads. Unlike
 * TensorFlow's stateful random ops, a random node does not draw new values per run; to draw fresh
 * values, build a node with another seed (or feed the values).
 */
package dev.flowgraph.ops.random;
