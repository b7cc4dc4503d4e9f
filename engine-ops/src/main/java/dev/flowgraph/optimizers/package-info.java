/**
 * Optimizers: {@link dev.flowgraph.optimizers.Optimizer#minimize} adds the nodes of one training
 * step (gradients by {@link dev.flowgraph.autodiff.Gradients}, then each variable's update, one
 * fused op such as {@code ApplyAdam} by default, or the same arithmetic as elementwise ops and
 * variable writes) and returns the target to run. The rules are
 * {@link dev.flowgraph.optimizers.GradientDescent}, {@link dev.flowgraph.optimizers.Momentum}
 * (with Nesterov), {@link dev.flowgraph.optimizers.Adam} and
 * {@link dev.flowgraph.optimizers.RMSProp}; each may clip the gradients by their global norm
 * first. Their state lives in slot variables, initialised with the other variables.
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *     Ops tf = Ops.on(g);
 *     Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.zeros());
 *     Output loss = tf.square(tf.sub(w.output(), tf.constant(3.0)));      // (w - 3)^2
 *     Node step = new GradientDescent(0.1).minimize(loss);
 *     Node init = tf.initAllVariables();
 *     try (Session s = new Session(g)) {
 *         s.runner().addTarget(init).run();
 *         for (int i = 0; i < 100; i++) {
 *             s.runner().addTarget(step).run();
 *         }
 *         double fitted = s.variableValues().get("w").getDouble();    // 3.0, nearly
 *     }
 * }
 * }</pre>
 */
package dev.flowgraph.optimizers;
