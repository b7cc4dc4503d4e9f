package dev.flowgraph.exec;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.UninitializedVariableException;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.VariableRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One session's variable values, by variable node. Thread-safe: values are whole immutable
 * tensors swapped atomically, and {@link #update} is an atomic read-modify-write on one variable
 * (through {@link ConcurrentHashMap#compute}), so concurrent runs never see a torn value and
 * never lose an update.
 */
public final class VariableStore {
    private final Map<Node, Tensor> values = new ConcurrentHashMap<>();

    /** Creates an empty store: no variable has a value. */
    public VariableStore() {}

    /**
     * Returns a variable's value.
     *
     * @param variable the Variable node
     * @return its value, or null if it has none
     */
    public Tensor get(Node variable) {
        return values.get(variable);
    }

    /**
     * Sets a variable's value, after checking its dtype and shape.
     *
     * @param variable the Variable node
     * @param value the value
     * @throws IllegalArgumentException if the dtype or shape differs from the variable's
     */
    public void put(Node variable, Tensor value) {
        values.put(variable, checkFits(variable, value));
    }

    /**
     * Returns a {@link VariableRef} for one variable, as seen by the node {@code reader}.
     *
     * @param variable the Variable node
     * @param reader the node whose kernel asks, named by an uninitialised-variable error
     * @return the reference
     */
    VariableRef ref(Node variable, Node reader) {
        return new Ref(variable, reader);
    }

    private static Tensor checkFits(Node variable, Tensor value) {
        OutputSpec spec = variable.output(0).spec();
        Shape shape = value.shape();
        checkArgument(value.dtype() == spec.dtype() && shape.equals(spec.shape()),
                "variable '%s' is %s but the value is %s%s", variable.name(), spec, value.dtype(), shape);
        return value;
    }

    private final class Ref implements VariableRef {
        private final Node variable;
        private final Node reader;

        Ref(Node variable, Node reader) {
            this.variable = variable;
            this.reader = reader;
        }

        @Override
        public String name() {
            return variable.name();
        }

        @Override
        public dev.flowgraph.DType dtype() {
            return variable.output(0).dtype();
        }

        @Override
        public Shape shape() {
            return variable.output(0).shape();
        }

        @Override
        public boolean isInitialized() {
            return values.containsKey(variable);
        }

        @Override
        public Tensor value() {
            Tensor v = values.get(variable);
            if (v == null) {
                throw uninitialized();
            }
            return v;
        }

        @Override
        public void assign(Tensor value) {
            put(variable, value);
        }

        @Override
        public Tensor update(UnaryOperator<Tensor> f) {
            return values.compute(variable, (node, current) -> {
                if (current == null) {
                    throw uninitialized();
                }
                return checkFits(node, f.apply(current));
            });
        }

        private UninitializedVariableException uninitialized() {
            // The executor rewrites the message with the node's inputs, as for any kernel failure.
            return new UninitializedVariableException(reader.name(), reader.opType(),
                    UninitializedVariableException.explain(variable.name()), variable.name());
        }
    }
}
