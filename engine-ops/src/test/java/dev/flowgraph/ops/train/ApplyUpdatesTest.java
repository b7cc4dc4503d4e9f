package dev.flowgraph.ops.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Result;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fused update ops through the facade, on values small enough to follow by hand: what they
 * write, the reads-before-writes rule, a write ordered before them in the same run, and their
 * errors. {@code FusedUpdatesTest} (in the optimizers' tests) checks them against the graph-op
 * chains bit for bit.
 */
class ApplyUpdatesTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @AfterEach
    void closeGraph() {
        g.close();
    }

    private Variable variable(String name, double... values) {
        return tf.variable(name, DType.FLOAT64, Shape.of(values.length),
                (ops, dtype, shape) -> ops.constant(Tensor.vector(values)));
    }

    @Test
    void adamWritesTheVariableAndBothMoments() {
        Variable w = variable("w", 1, 2);
        Variable m = variable("m", 0.5, 0);
        Variable v = variable("v", 0, 4);
        Output grad = tf.constant(Tensor.vector(2.0, -2.0));
        Output step = tf.applyAdam(w.output(), m.output(), v.output(), tf.constant(0.5), grad, 0.5, 0.75, 1);
        try (Session s = new Session(g, 1)) {
            s.runner().addTarget(tf.initAllVariables()).run();
            Result r = s.runner().fetch(step).fetch(w.output()).run();
            // m = 0.5 m + 0.5 g = {0.25 + 1, 0 - 1} = {1.25, -1}
            // v = 0.75 v + (0.25 g) g = {0 + 1, 3 + 1} = {1, 4}
            // w -= 0.5 m / (sqrt(v) + 1) = {1 - 0.625 / 2, 2 + 0.5 / 3}
            assertArrayEquals(new double[] {1 - 0.3125, 2 + 0.5 / 3}, r.get(0).toDoubleArray());
            assertArrayEquals(new double[] {1, 2}, r.get(1).toDoubleArray(), "the read in the same run sees the old w");
            Map<String, Tensor> values = s.variableValues();
            assertEquals(r.get(0), values.get("w"));
            assertArrayEquals(new double[] {1.25, -1}, values.get("m").toDoubleArray());
            assertArrayEquals(new double[] {1, 4}, values.get("v").toDoubleArray());
        }
    }

    @Test
    void momentumAndRmsPropByHand() {
        Variable w = variable("w", 1, 2);
        Variable a = variable("a", 2, -2);
        Variable u = variable("u", 1, 2);
        Variable ms = variable("ms", 3, 0);
        Variable mom = variable("mom", 1, 1);
        Output grad = tf.constant(Tensor.vector(1.0, 2.0));
        Output nesterov = tf.applyMomentum(w.output(), a.output(), tf.constant(0.5), grad, 0.5, true);
        Output rms = tf.applyRMSProp(u.output(), ms.output(), mom.output(), tf.constant(2.0), grad, 0.5, 0.25, 2);
        try (Session s = new Session(g, 1)) {
            s.runner().addTarget(tf.initAllVariables()).run();
            s.runner().addTarget(nesterov.node()).addTarget(rms.node()).run();
            Map<String, Tensor> values = s.variableValues();
            // a = 0.5 a + g = {2, 1}; w -= 0.5 (g + 0.5 a) = {1 - 0.5 * 2, 2 - 0.5 * 2.5}
            assertArrayEquals(new double[] {2, 1}, values.get("a").toDoubleArray());
            assertArrayEquals(new double[] {0, 0.75}, values.get("w").toDoubleArray());
            // ms = 0.5 ms + (0.5 g) g = {1.5 + 0.5, 0 + 2} = {2, 2}
            // mom = 0.25 mom + 2 g / sqrt(ms + 2) = {0.25 + 1, 0.25 + 2} ; u -= mom
            assertArrayEquals(new double[] {2, 2}, values.get("ms").toDoubleArray());
            assertArrayEquals(new double[] {1.25, 2.25}, values.get("mom").toDoubleArray());
            assertArrayEquals(new double[] {-0.25, -0.25}, values.get("u").toDoubleArray());
        }
    }

    @Test
    void aWriteOrderedBeforeTheUpdateIsKept() {
        Variable w = variable("w", 1, 2);
        Node add = tf.assignAdd(w.output(), tf.constant(Tensor.vector(1.0, 1.0))).node();
        // The update reads w before the add writes it, but runs after it: it applies its step to
        // the added value, as assignSub would, instead of overwriting the add.
        Node update = g.nodeBuilder("ApplyGradientDescent").name("update").input(w.output())
                .input(tf.constant(0.5)).input(tf.constant(Tensor.vector(2.0, 4.0))).controlInput(add).build();
        try (Session s = new Session(g, 2)) {
            s.runner().addTarget(tf.initAllVariables()).run();
            Tensor out = s.runner().fetch(update.output(0)).run().get(0);
            // {1, 2} + {1, 1} - 0.5 * {2, 4} = {1, 1}
            assertArrayEquals(new double[] {1, 1}, out.toDoubleArray());
            assertSame(out, s.variableValues().get("w"));
        }
    }

    @Test
    void aSlotThatIsNotAVariableFailsTheRunBeforeAnyWrite() {
        Variable w = variable("w", 1, 2);
        Variable m = variable("m", 0, 0);
        Output notAVariable = tf.withName("v").constant(Tensor.vector(0.0, 0.0));
        // The facade refuses this; a graph built node by node reaches the kernel, which refuses
        // it before writing w or m.
        Node adam = g.nodeBuilder("ApplyAdam").name("adam").input(w.output()).input(m.output()).input(notAVariable)
                .input(tf.constant(0.1)).input(tf.constant(Tensor.vector(1.0, 1.0))).attr("beta1", 0.9)
                .attr("beta2", 0.999).attr("epsilon", 1e-8).build();
        try (Session s = new Session(g, 1)) {
            s.runner().addTarget(tf.initAllVariables()).run();
            KernelException e = assertThrows(KernelException.class, () -> s.runner().addTarget(adam).run());
            assertEquals("Node 'adam' (op ApplyAdam; inputs float64[2], float64[2], float64[2], float64[], float64[2])"
                    + " failed: input 2 must be a variable's output, but it is v:0, the output of a Const node",
                    e.getMessage());
            assertArrayEquals(new double[] {1, 2}, s.variableValues().get("w").toDoubleArray());
            assertArrayEquals(new double[] {0, 0}, s.variableValues().get("m").toDoubleArray());
        }
    }

    @Test
    void refusesAnUpdateThatDoesNotFit() {
        Variable w = variable("w", 1, 2);
        Variable three = variable("three", 1, 2, 3);
        Output lr = tf.constant(0.1);
        Output grad = tf.constant(Tensor.vector(1.0, 1.0));
        GraphBuildException notVariable = assertThrows(GraphBuildException.class,
                () -> tf.applyMomentum(w.output(), grad, lr, grad, 0.9, false));
        assertEquals("Cannot add ApplyMomentum: its input 1 must be a variable's output, but 'Const_1:0' is the output"
                + " of a Const node", notVariable.getMessage());
        GraphBuildException slot = assertThrows(GraphBuildException.class,
                () -> tf.withName("adam").applyAdam(w.output(), three.output(), w.output(), lr, grad, 0.9, 0.999, 1e-8));
        assertEquals("Cannot add 'adam' (op ApplyAdam; inputs float64[2], float64[3], float64[2], float64[], float64[2]):"
                + " input 1, a slot, is float64[3] but the variable is float64[2]; slots have the variable's dtype and"
                + " shape", slot.getMessage());
        GraphBuildException rate = assertThrows(GraphBuildException.class,
                () -> tf.withName("sgd").applyGradientDescent(w.output(), tf.constant(0.1f), grad));
        assertEquals("Cannot add 'sgd' (op ApplyGradientDescent; inputs float64[2], float32[], float64[2]): the learning"
                + " rate is float32[] but must be a scalar of the variable's dtype float64", rate.getMessage());
        GraphBuildException decay = assertThrows(GraphBuildException.class,
                () -> tf.withName("rms").applyRMSProp(w.output(), w.output(), w.output(), lr, grad, 1.0, 0, 1e-8));
        assertEquals("Cannot add 'rms' (op ApplyRMSProp; inputs float64[2], float64[2], float64[2], float64[],"
                + " float64[2]): 'rho' must be in [0, 1), not 1.0", decay.getMessage());

        Output fed = tf.placeholder("g", DType.FLOAT64, Shape.of(-1));
        Output update = tf.withName("update").applyGradientDescent(w.output(), lr, fed);
        try (Session s = new Session(g, 1)) {
            s.runner().addTarget(tf.initAllVariables()).run();
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed(fed, Tensor.vector(1.0, 2.0, 3.0)).addTarget(update.node()).run());
            assertEquals("Node 'update' (op ApplyGradientDescent; inputs float64[2], float64[], float64[3]) failed: the"
                    + " gradient's shape [3] differs from the variable's shape [2]", e.getMessage());
        }
    }
}
