package dev.flowgraph.spi;

import dev.flowgraph.Tensor;

/**
 * What a kernel ({@link OpDef#compute}) is handed for one execution of one node: its input
 * tensors, its attributes, where to put its outputs, and the session's pool for intra-op
 * parallelism.
 *
 * <p>Lifecycle: the executor creates a context when the node's inputs are all ready, calls
 * {@code compute} once, then checks that every output was set with the dtype and a shape
 * compatible with what the shape rule inferred. A context is used by one thread at a time, except
 * that the bodies given to {@link #parallelFor} run concurrently.
 */
public interface KernelContext {
    /**
     * Returns the name of the node being computed.
     *
     * @return the node's name
     */
    String nodeName();

    /**
     * Returns the number of inputs.
     *
     * @return the input count
     */
    int inputCount();

    /**
     * Returns one input's value.
     *
     * @param i the input's position
     * @return the tensor; its dtype is what the shape rule saw, its shape is fully defined
     */
    Tensor input(int i);

    /**
     * Returns the node's attributes.
     *
     * @return the attributes
     */
    Attrs attrs();

    /**
     * Returns what the shape rule inferred for one output.
     *
     * @param i the output's position
     * @return its static dtype and shape
     */
    OutputSpec outputSpec(int i);

    /**
     * Sets one output's value. Every output must be set exactly once.
     *
     * @param i the output's position
     * @param value the tensor
     */
    void setOutput(int i, Tensor value);

    /**
     * Returns how many threads the session's pool has.
     *
     * @return the pool's parallelism, at least 1
     */
    int parallelism();

    /**
     * Runs {@code body} over {@code [0, count)} split into fixed blocks of {@code grain} items
     * ({@code [0, grain)}, {@code [grain, 2*grain)}, ...; the last may be shorter), on the
     * session's pool and the calling thread, and returns when all blocks are done.
     *
     * <p>The blocks do not depend on the number of threads, so a kernel that writes each block's
     * results to its own place, and combines per-block partial results in block order, is
     * bit-identical at any pool size. An exception from any block is rethrown here.
     *
     * <p>Once the run is stopped (a node failed, or the run was cancelled or passed its timeout),
     * no further block starts and this method throws an unchecked exception; let it through, so
     * that a long kernel ends within about one block of the stop.
     *
     * @param count the number of items
     * @param grain the number of items per block, at least 1
     * @param body the work for one block
     */
    void parallelFor(int count, int grain, RangeBody body);

    /**
     * Returns the variable whose value is input {@code i}: the input must come from a
     * {@code Variable} node. Ops that update a variable (assign, optimizer updates) take the
     * variable's output as an input, so that every read of the variable in a run happens before
     * their write.
     *
     * @param i the input's position
     * @return the variable, in this run's session
     * @throws IllegalArgumentException if input {@code i} is not a variable's output
     */
    VariableRef variable(int i);

    /**
     * Returns the variable that the node being computed is; for the {@code Variable} op's kernel.
     *
     * @return the variable, in this run's session
     * @throws IllegalStateException if the node is not a {@code Variable} node
     */
    VariableRef ownVariable();

    /**
     * Tells whether this run reads output {@code i}'s value: it is fetched, or an input of a node
     * of the run whose op {@link OpDef#readsInput reads} it.
     *
     * @param i the output's position
     * @return true if the value is read
     */
    boolean isOutputRead(int i);
}
