package dev.flowgraph.ops.nn;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/**
 * Provides the neural-network ops: Softmax, LogSoftmax, SoftmaxCrossEntropy,
 * SparseSoftmaxCrossEntropy, MeanSquaredError and Dropout.
 */
public final class NnOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public NnOps() {}

    /**
     * Returns the neural-network ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Softmax(), new LogSoftmax(), new SoftmaxCrossEntropy(), new SparseSoftmaxCrossEntropy(),
                new MeanSquaredError(), new Dropout());
    }
}
