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
            }));

    private TrainSamples() {}

    /** A 300x300 FLOAT64 variable initialised to {@code random(seed, 300, 300)}. */
    private static Variable variable(Ops tf, long seed) {
        return tf.variable("v", DType.FLOAT64, SHAPE, (ops, dtype, shape) -> ops.constant(random(seed, 300, 300)));
    }
}
