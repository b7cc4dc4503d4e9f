package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.random;
import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.ops.OpSamples.Sample;
import dev.flowgraph.ops.train.Variable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link OpContractTest} samples of the variable ops; see {@link OpSamples}. A variable needs a
 * value before it is read, so these samples run the initializer (and, for NoOp, the group
 * itself) in earlier runs of the same session; Assign needs none, since it does not read the
 * variable's old value.
 */
final class TrainSamples {
    private static final Shape SHAPE = Shape.of(300, 300);

    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
            sample("Variable", tf -> {
                Variable v = variable(tf, 60);
                return Sample.after(List.of(v.initializer()), v.output());
            }),
            sample("Assign", tf -> Sample.of(tf.assign(variable(tf, 61).output(), tf.constant(random(62, 300, 300))))),
            sample("AssignAdd", tf -> {
                Variable v = variable(tf, 63);
                return Sample.after(List.of(v.initializer()), tf.assignAdd(v.output(), tf.constant(random(64, 300, 300))));
            }),
            sample("AssignSub", tf -> {
                Variable v = variable(tf, 65);
                return Sample.after(List.of(v.initializer()), tf.assignSub(v.output(), tf.constant(random(66, 300, 300))));
            }),
            // NoOp has no outputs: the sample runs the group once and fetches the variable it updated.
            sample("NoOp", tf -> {
                Variable v = variable(tf, 67);
                Output add = tf.assignAdd(v.output(), tf.constant(random(68, 300, 300)));
                Node group = tf.group("step", add.node());
                return new Sample(v.output(), Map.of(), List.of(v.initializer(), group), group);
            }),
            // The fused updates: each writes a variable and its slots, all 300x300, initialised first.
            sample("ApplyGradientDescent", tf -> {
                Variable v = variable(tf, 69);
                return Sample.after(List.of(v.initializer()),
                        tf.applyGradientDescent(v.output(), tf.constant(0.1), tf.constant(random(70, 300, 300))));
            }),
            sample("ApplyMomentum", tf -> {
                Variable v = variable(tf, 71);
                Variable a = variable(tf.withScope("accumulator"), 72);
                return Sample.after(List.of(v.initializer(), a.initializer()), tf.applyMomentum(v.output(), a.output(),
                        tf.constant(0.1), tf.constant(random(73, 300, 300)), 0.9, true));
            }),
            sample("ApplyAdam", tf -> {
                Variable v = variable(tf, 74);
                Variable m = variable(tf.withScope("m"), 75);
                Variable s = squares(tf.withScope("v"), 76);
                Output grad = tf.constant(random(77, 300, 300));
                return Sample.after(List.of(v.initializer(), m.initializer(), s.initializer()),
                        tf.applyAdam(v.output(), m.output(), s.output(), tf.constant(0.01), grad, 0.9, 0.999, 1e-8));
            }),
            sample("ApplyRMSProp", tf -> {
                Variable v = variable(tf, 78);
                Variable ms = squares(tf.withScope("ms"), 79);
                Variable mom = variable(tf.withScope("mom"), 80);
                return Sample.after(List.of(v.initializer(), ms.initializer(), mom.initializer()),
                        tf.applyRMSProp(v.output(), ms.output(), mom.output(), tf.constant(0.01),
                                tf.constant(random(81, 300, 300)), 0.9, 0.5, 1e-10));
            }));

    private TrainSamples() {}

    /** A 300x300 FLOAT64 variable initialised to {@code random(seed, 300, 300)}. */
    private static Variable variable(Ops tf, long seed) {
        return tf.variable("v", DType.FLOAT64, SHAPE, (ops, dtype, shape) -> ops.constant(random(seed, 300, 300)));
    }

    /** A 300x300 FLOAT64 variable initialised to the squares of {@code random(seed, 300, 300)}: a second moment. */
    private static Variable squares(Ops tf, long seed) {
        return tf.variable("v", DType.FLOAT64, SHAPE,
                (ops, dtype, shape) -> ops.square(ops.constant(random(seed, 300, 300))));
    }
}
