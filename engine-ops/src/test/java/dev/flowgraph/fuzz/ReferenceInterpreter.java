package dev.flowgraph.fuzz;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.VariableRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple sequential evaluator of a graph, the oracle of the differential tests.
 *
 * <p>It shares nothing with the executor but the kernels: it marks the nodes the fetches need
 * (walking inputs backwards, stopping at fed outputs), then visits {@link Graph#nodes()} in
 * insertion order, which is a topological order for graphs built through {@code Ops} without
 * later control inputs, and calls each marked node's {@code OpDef.compute} on one thread with a
 * context whose {@link KernelContext#parallelFor} runs the blocks one after another. Every value
 * is kept until the end; a fed output replaces the value of the node's output.
 *
 * <pre>{@code
 * List<Tensor> expected = ReferenceInterpreter.run(graph, Map.of(x, value), List.of(y));
 * }</pre>
 */
public final class ReferenceInterpreter {
    private ReferenceInterpreter() {}

    /**
     * Evaluates the fetched outputs.
     *
     * @param graph the graph
     * @param feeds values replacing outputs
     * @param fetches the outputs to return
     * @return their values, in fetch order
     * @throws RuntimeException whatever a kernel threw, unchanged
     */
    public static List<Tensor> run(Graph graph, Map<Output, Tensor> feeds, List<Output> fetches) {
        Set<Node> needed = new HashSet<>();
        ArrayDeque<Output> work = new ArrayDeque<>(fetches);
        while (!work.isEmpty()) {
            Output o = work.pop();
            if (feeds.containsKey(o) || !needed.add(o.node())) {
                continue;
            }
            work.addAll(o.node().inputs());
            for (Node c : o.node().controlInputs()) {
                work.addAll(c.outputs());
                needed.add(c);
            }
        }
        Map<Output, Tensor> values = new HashMap<>(feeds);
        for (Node n : graph.nodes()) {
            if (!needed.contains(n)) {
                continue;
            }
            boolean allFed = true;
            for (Output o : n.outputs()) {
                allFed &= feeds.containsKey(o);
            }
            if (allFed && n.outputCount() > 0) {
                continue;
            }
            Tensor[] inputs = new Tensor[n.inputCount()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = values.get(n.input(i));
                checkArgument(inputs[i] != null, "input %s of %s has no value: the order is not topological", i, n);
            }
            SequentialContext k = new SequentialContext(n, inputs);
            n.op().compute(k);
            for (int i = 0; i < n.outputCount(); i++) {
                checkArgument(k.outputs[i] != null, "%s did not set output %s", n, i);
                values.putIfAbsent(n.output(i), k.outputs[i]);
            }
        }
        List<Tensor> out = new ArrayList<>(fetches.size());
        for (Output f : fetches) {
            out.add(values.get(f));
        }
        return out;
    }

    /** A kernel context that runs everything on the calling thread. */
    private static final class SequentialContext implements KernelContext {
        private final Node node;
        private final Tensor[] inputs;
        private final Tensor[] outputs;

        SequentialContext(Node node, Tensor[] inputs) {
            this.node = node;
            this.inputs = inputs;
            this.outputs = new Tensor[node.outputCount()];
        }

        @Override
        public String nodeName() {
            return node.name();
        }

        @Override
        public int inputCount() {
            return inputs.length;
        }

        @Override
        public Tensor input(int i) {
            return inputs[i];
        }

        @Override
        public Attrs attrs() {
            return node.attrs();
        }

        @Override
        public OutputSpec outputSpec(int i) {
            return node.output(i).spec();
        }

        @Override
        public void setOutput(int i, Tensor value) {
            checkArgument(outputs[i] == null, "output %s is set twice", i);
            outputs[i] = value;
        }

        @Override
        public VariableRef variable(int i) {
            throw new UnsupportedOperationException("the reference interpreter runs graphs without variables");
        }

        @Override
        public VariableRef ownVariable() {
            throw new UnsupportedOperationException("the reference interpreter runs graphs without variables");
        }

        @Override
        public boolean isOutputRead(int i) {
            return true;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void parallelFor(int count, int grain, RangeBody body) {
            for (long start = 0; start < count; start += grain) {
                body.run((int) start, (int) Math.min(start + grain, count));
            }
        }
    }
}
