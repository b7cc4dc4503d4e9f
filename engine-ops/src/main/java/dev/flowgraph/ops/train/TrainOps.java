package dev.flowgraph.ops.train;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/**
 * Provides the variable-writing ops Assign, AssignAdd and AssignSub, NoOp, and the fused optimizer
 * updates ApplyGradientDescent, ApplyMomentum, ApplyAdam and ApplyRMSProp.
 */
public final class TrainOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public TrainOps() {}

    /**
     * Returns the train ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Assign(), new AssignAdd(), new AssignSub(), new NoOp(), new ApplyGradientDescent(),
                new ApplyMomentum(), new ApplyAdam(), new ApplyRMSProp());
    }
}
