package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Test-only ops, so that engine-core's tests need not depend on engine-ops. All work on FLOAT64.
 *
 * <ul>
 *   <li>{@code TestAdd}, {@code TestMul}: elementwise, operands of equal shape or one a scalar.
 *   <li>{@code TestFail}: one input; its kernel throws {@code IllegalStateException("boom")}.
 *   <li>{@code TestRecord}: one input, passed through; records the node's name and the running
 *       thread in {@link #RECORDS}. Its cost is its {@code cost} attribute (default 0), so a test
 *       can make it cheap or expensive.
 *   <li>{@code TestSleep}: one input, passed through after sleeping {@code millis}; expensive.
 *   <li>{@code TestSplit}: one input x, two outputs: x and 2x.
 * </ul>
 */
public final class TestOps {
    /** The global registry plus the test ops. */
    public static final OpRegistry REGISTRY = OpRegistry.global().with(List.of(
            new Binary("TestAdd", Double::sum), new Binary("TestMul", (a, b) -> a * b),
            passThrough("TestFail", k -> {
                throw new IllegalStateException("boom");
            }),
            passThrough("TestRecord", node -> node.attrs().getLong("cost", 0), TestOps::record),
            passThrough("TestSleep", Long.MAX_VALUE, TestOps::sleep),
            define("TestSplit", 1, node -> List.of(node.input(0), node.input(0)), TestOps::split)));

    /** One entry per TestRecord execution: "nodeName@threadName". */
    public static final Queue<String> RECORDS = new ConcurrentLinkedQueue<>();

    private TestOps() {}

    /** Adds a FLOAT64 constant. */
    public static Output constant(Graph g, Tensor value) {
        return g.nodeBuilder("Const").attr("value", value).build().output(0);
    }

    /** Adds a placeholder with an exact name. */
    public static Output placeholder(Graph g, String name, DType dtype, Shape shape) {
        return g.nodeBuilder("Placeholder").name(name).attr("dtype", dtype).attr("shape", shape).build().output(0);
    }

    /** Adds a node of a test op with the given inputs, named after its type. */
    public static Output op(Graph g, String type, Output... inputs) {
        return g.nodeBuilder(type).inputs(List.of(inputs)).build().output(0);
    }

    /** An op made of lambdas, so that a test can define the op it needs in one statement. */
    private record Defined(String type, int arity, Function<NodeSpec, List<OutputSpec>> rule,
            Consumer<KernelContext> kernel, Optional<ToLongFunction<NodeSpec>> costRule) implements OpDef {
        @Override
        public List<OutputSpec> infer(NodeSpec node) {
            return rule.apply(node);
        }

        @Override
        public void compute(KernelContext k) {
            kernel.accept(k);
        }

        @Override
        public long cost(NodeSpec node, List<OutputSpec> outputs) {
            return costRule.isPresent() ? costRule.get().applyAsLong(node) : OpDef.super.cost(node, outputs);
        }
    }

    /** Defines an op from its shape rule and kernel, with the default cost. */
    public static OpDef define(String type, int arity, Function<NodeSpec, List<OutputSpec>> rule,
            Consumer<KernelContext> kernel) {
        return new Defined(type, arity, rule, kernel, Optional.empty());
    }

    /** Defines a one-input op whose output has its input's dtype and shape, with the default cost. */
    public static OpDef passThrough(String type, Consumer<KernelContext> kernel) {
        return define(type, 1, node -> List.of(node.input(0)), kernel);
    }

    /** Defines a one-input op whose output has its input's dtype and shape, with a fixed cost. */
    public static OpDef passThrough(String type, long cost, Consumer<KernelContext> kernel) {
        return passThrough(type, node -> cost, kernel);
    }

    /** Defines a one-input op whose output has its input's dtype and shape, with a cost rule. */
    public static OpDef passThrough(String type, ToLongFunction<NodeSpec> cost, Consumer<KernelContext> kernel) {
        return new Defined(type, 1, node -> List.of(node.input(0)), kernel, Optional.of(cost));
    }

    private static final class Binary implements OpDef {
        private final String type;
        private final DoubleBinaryOperator f;

        Binary(String type, DoubleBinaryOperator f) {
            this.type = type;
            this.f = f;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public int arity() {
            return 2;
        }

        @Override
        public List<OutputSpec> infer(NodeSpec node) {
            checkArgument(node.inputDType(0) == DType.FLOAT64 && node.inputDType(1) == DType.FLOAT64,
                    "test ops take float64 only");
            return List.of(new OutputSpec(DType.FLOAT64, Shape.broadcast(node.inputShape(0), node.inputShape(1))));
        }

        @Override
        public void compute(KernelContext k) {
            double[] x = TensorBuffers.doubles(k.input(0));
            double[] y = TensorBuffers.doubles(k.input(1));
            checkArgument(x.length == y.length || x.length == 1 || y.length == 1, "shapes differ");
            int n = Math.max(x.length, y.length);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(x[x.length == 1 ? 0 : i], y[y.length == 1 ? 0 : i]);
            }
            k.setOutput(0, TensorBuffers.wrap(x.length >= y.length ? k.input(0).shape() : k.input(1).shape(), out));
        }
    }

    private static void record(KernelContext k) {
        RECORDS.add(k.nodeName() + "@" + Thread.currentThread().getName());
        k.setOutput(0, k.input(0));
    }

    private static void sleep(KernelContext k) {
        try {
            Thread.sleep(k.attrs().getLong("millis", 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        k.setOutput(0, k.input(0));
    }

    private static void split(KernelContext k) {
        double[] x = TensorBuffers.doubles(k.input(0));
        double[] twice = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            twice[i] = 2 * x[i];
        }
        k.setOutput(0, k.input(0));
        k.setOutput(1, TensorBuffers.wrap(k.input(0).shape(), twice));
    }
}
