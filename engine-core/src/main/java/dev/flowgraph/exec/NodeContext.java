package dev.flowgraph.exec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.flowgraph.Node;
import dev.flowgraph.SessionClosedException;
import dev.flowgraph.Tensor;
import dev.flowgraph.builtin.Variable;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.VariableRef;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;

/**
 * The {@link KernelContext} of one run's nodes on one thread: bound to each node in turn with
 * {@link #bind}, it reads the node's inputs straight from the run's slots and collects its
 * outputs in an array reused from node to node, so running a node allocates nothing here.
 */
final class NodeContext implements KernelContext {
    private final SessionPool pool;
    private final Execution run;
    private final VariableStore variables;
    private final Tensor[] slots;
    private final Plan plan;
    private final Tensor[] outputs;
    private Node node;
    private int[] inputSlots;
    private int outputCount;
    private boolean[] outputRead;

    NodeContext(SessionPool pool, Execution run, VariableStore variables, Tensor[] slots, Plan plan) {
        this.pool = pool;
        this.run = run;
        this.variables = variables;
        this.slots = slots;
        this.plan = plan;
        this.outputs = new Tensor[plan.maxOutputs];
    }

    /** Makes this the context of plan node {@code j}, with no output set yet. */
    void bind(int j) {
        node = plan.nodes[j];
        inputSlots = plan.inputSlots[j];
        outputCount = node.outputCount();
        outputRead = plan.outputRead[j];
        Arrays.fill(outputs, 0, outputCount, null);
    }

    /** Drops the last node's outputs, so that a context kept for a later run holds no value. */
    void clear() {
        Arrays.fill(outputs, null);
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    @Override
    public int inputCount() {
        return inputSlots.length;
    }

    @Override
    public Tensor input(int i) {
        return slots[inputSlots[i]];
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
        checkElementIndex(i, outputCount, "output index");
        checkNotNull(value, "output %s", i);
        checkArgument(outputs[i] == null, "output %s is set twice", i);
        outputs[i] = value;
    }

    @Override
    public VariableRef variable(int i) {
        checkElementIndex(i, inputSlots.length, "input index");
        Node producer = node.input(i).node();
        checkArgument(producer.opType().equals(Variable.TYPE),
                "input %s must be a variable's output, but it is %s, the output of a %s node", i,
                node.input(i).name(), producer.opType());
        return variables.ref(producer, node);
    }

    @Override
    public VariableRef ownVariable() {
        checkState(node.opType().equals(Variable.TYPE), "node '%s' is a %s node, not a variable", node.name(),
                node.opType());
        return variables.ref(node, node);
    }

    @Override
    public boolean isOutputRead(int i) {
        checkElementIndex(i, outputRead.length, "output index");
        return outputRead[i];
    }

    @Override
    public int parallelism() {
        return pool.getParallelism();
    }

    @Override
    public void parallelFor(int count, int grain, RangeBody body) {
        checkArgument(count >= 0, "count %s is negative", count);
        checkArgument(grain >= 1, "grain %s must be at least 1", grain);
        int blocks = (int) ((count + (long) grain - 1) / grain);
        if (blocks <= 1 || pool.getParallelism() == 1) {
            for (int b = 0; b < blocks; b++) {
                ParallelBlocks.checkNotStopped(run);
                int start = b * grain;
                body.run(start, (int) Math.min((long) start + grain, count));
            }
            return;
        }
        ParallelBlocks shared = new ParallelBlocks(run, blocks, count, grain, body);
        int threads = pool.getParallelism();
        try {
            if (pool.isPoolThread()) {
                shared.runWithin(pool, Math.min(blocks, threads) - 1);
            } else if (!shared.runOutside(pool, Math.min(blocks, threads))) {
                // The caller, running a cheap node, was interrupted while it waited: the run is
                // cancelled, the blocks not yet started are skipped, and the caller does not wait
                // for those still running.
                ParallelBlocks.checkNotStopped(run);
                throw new IllegalStateException("node '" + node.name() + "' was interrupted while it waited for its"
                        + " parallelFor blocks");
            }
        } catch (RejectedExecutionException e) {
            throw new SessionClosedException("The session was closed while node '" + node.name()
                    + "' needed its pool");
        }
    }

    /**
     * Returns the outputs after the kernel ran, checked against the shape rule: the first
     * {@code outputCount} entries of an array that the next {@link #bind} clears.
     *
     * @throws IllegalStateException if an output is missing or contradicts the inferred spec
     */
    Tensor[] checkedOutputs() {
        for (int i = 0; i < outputCount; i++) {
            OutputSpec spec = node.output(i).spec();
            Tensor t = outputs[i];
            if (t == null) {
                throw new IllegalStateException("the kernel did not set output " + i);
            }
            if (t.dtype() != spec.dtype() || !spec.shape().isCompatibleWith(t.shape())) {
                throw new IllegalStateException("the kernel produced " + t.dtype() + t.shape() + " for output " + i
                        + " but the shape rule inferred " + spec);
            }
        }
        return outputs;
    }
}
