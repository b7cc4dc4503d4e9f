package dev.flowgraph.spi;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.function.UnaryOperator;

/**
 * A kernel's access to one variable's value in the running session
 * ({@link KernelContext#variable(int)}, {@link KernelContext#ownVariable()}).
 *
 * <p>A variable's value lives in the session, not in the graph, so two sessions over one graph
 * hold independent values. Values are whole immutable tensors: a concurrent run sees the value
 * before or after an assignment, never a mix. {@link #assign} and {@link #update} are each
 * atomic on the variable, so concurrent {@code update}s of one variable (an {@code AssignAdd}
 * from several threads) never lose one another's changes.
 */
public interface VariableRef {
    /**
     * Returns the variable node's name, which also names its value in snapshots and checkpoints.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the variable's dtype.
     *
     * @return the dtype every value has
     */
    DType dtype();

    /**
     * Returns the variable's shape.
     *
     * @return the fully defined shape every value has
     */
    Shape shape();

    /**
     * Tells whether the variable has a value in this session.
     *
     * @return true once it was assigned or restored
     */
    boolean isInitialized();

    /**
     * Returns the current value.
     *
     * @return the tensor itself (tensors are immutable, so no copy is made)
     * @throws dev.flowgraph.UninitializedVariableException if the variable has no value yet
     */
    Tensor value();

    /**
     * Replaces the value.
     *
     * @param value the new value, of the variable's dtype and shape; kept, not copied
     * @throws IllegalArgumentException if the dtype or shape differs from the variable's
     */
    void assign(Tensor value);

    /**
     * Replaces the value by {@code f(current value)}, atomically: no other assignment of this
     * variable happens between the read and the write.
     *
     * @param f computes the new value from the current one; it must not touch other variables
     * @return the new value
     * @throws dev.flowgraph.UninitializedVariableException if the variable has no value yet
     * @throws IllegalArgumentException if the new value's dtype or shape differs from the variable's
     */
    Tensor update(UnaryOperator<Tensor> f);
}
