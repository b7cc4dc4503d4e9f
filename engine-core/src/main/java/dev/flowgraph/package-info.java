/**
 * The nouns of Flowgraph: {@link dev.flowgraph.DType}, {@link dev.flowgraph.Shape},
 * {@link dev.flowgraph.Tensor}, {@link dev.flowgraph.Graph} with its {@link dev.flowgraph.Node}s
 * and {@link dev.flowgraph.Output}s, and the {@link dev.flowgraph.Session} that runs a graph
 * through a {@link dev.flowgraph.Runner} and returns a {@link dev.flowgraph.Result}. Every graph
 * and run error is a {@link dev.flowgraph.FlowgraphException}.
 *
 * <p>Ops are added through the {@code Ops} facade of engine-ops:
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *     Ops tf = Ops.on(g);
 *     Output a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
 *     Output b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
 *     Output c = tf.placeholder("c", DType.FLOAT64, Shape.scalar());
 *     tf.withName("J").mul(tf.constant(3.0), tf.add(a, tf.mul(b, c)));
 *     try (Session s = new Session(g)) {
 *         double j = s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
 *                 .feed("c", Tensor.scalar(2.0)).fetch("J").run().get("J").getDouble();   // 33.0
 *     }
 * }
 * }</pre>
 */
package dev.flowgraph;
