/**
 * Variables and what changes them: the {@code Assign}, {@code AssignAdd} and {@code AssignSub}
 * ops, the fused optimizer updates {@code ApplyGradientDescent}, {@code ApplyMomentum},
 * {@code ApplyAdam} and {@code ApplyRMSProp} (one pass over a variable, its slots and its
 * gradient), and the {@code NoOp} group target, registered by
 * {@link dev.flowgraph.ops.train.TrainOps};
 * the {@link dev.flowgraph.ops.train.Variable} handle that {@code Ops.variable} returns; and the
 * {@link dev.flowgraph.ops.train.Initializer}s of {@link dev.flowgraph.ops.train.Initializers}.
 *
 * <p>A variable's value lives in the session (the {@code Variable} node of engine-core reads
 * it), so two sessions over one graph train independently. The rules, for every op that writes
 * a variable:
 * <ul>
 *   <li>Reads before writes: a writer takes the variable's output as its input 0, so within one
 *       run it starts after the variable node produced the run's value, which every reader of
 *       the variable in that run sees. The write shows in the next run.
 *   <li>Two writes of one variable in the same run are not ordered against each other; order
 *       them with a control input if it matters.
 *   <li>Concurrent runs of one session see whole tensors, never a half-written one; each
 *       {@code AssignAdd}/{@code AssignSub} is an atomic read-modify-write, so updates from
 *       concurrent runs are never lost (their order is that of the threads); so is a fused
 *       update's write of its variable (its slots are assigned, as the graph-op chains do).
 *   <li>No kernel writes into an existing value's array: a value may be a tensor a caller
 *       fetched, or one another node of the run still reads.
 * </ul>
 *
 * <pre>{@code
 * try (Graph g = new Graph(); Session s = new Session(g)) {
 *     Ops tf = Ops.on(g);
 *     Variable counter = tf.variable("counter", DType.INT32, Shape.scalar(), Initializers.zeros());
 *     Output next = tf.assignAdd(counter.output(), tf.constant(1));
 *     s.runner().addTarget(tf.initAllVariables()).run();
 *     s.runner().fetch(next).run().get(0).getInt();   // 1
 *     s.runner().fetch(next).run().get(0).getInt();   // 2
 * }
 * }</pre>
 */
package dev.flowgraph.ops.train;
