package dev.flowgraph.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import java.util.List;

/**
 * What a shape rule ({@link OpDef#infer}) is given: the node's name and op type, the static dtype
 * and shape of each input, and the attributes.
 */
public final class NodeSpec {
    private final String name;
    private final String opType;
    private final ImmutableList<OutputSpec> inputs;
    private final Attrs attrs;

    /**
     * Describes a node about to be added.
     *
     * @param name the node's name
     * @param opType the op type
     * @param inputs the static dtype and shape of each input, in order
     * @param attrs the attributes
     */
    public NodeSpec(String name, String opType, List<OutputSpec> inputs, Attrs attrs) {
        this.name = checkNotNull(name, "name");
        this.opType = checkNotNull(opType, "opType");
        this.inputs = ImmutableList.copyOf(inputs);
        this.attrs = checkNotNull(attrs, "attrs");
    }

    /**
     * Returns the node's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the op type.
     *
     * @return e.g. {@code "MatMul"}
     */
    public String opType() {
        return opType;
    }

    /**
     * Returns the static dtype and shape of every input.
     *
     * @return one spec per input, in order
     */
    public List<OutputSpec> inputs() {
        return inputs;
    }

    /**
     * Returns the number of inputs.
     *
     * @return the input count
     */
    public int inputCount() {
        return inputs.size();
    }

    /**
     * Returns one input's static dtype and shape.
     *
     * @param i the input's position
     * @return its spec
     */
    public OutputSpec input(int i) {
        return inputs.get(i);
    }

    /**
     * Returns one input's dtype.
     *
     * @param i the input's position
     * @return its dtype
     */
    public DType inputDType(int i) {
        return inputs.get(i).dtype();
    }

    /**
     * Returns one input's static shape.
     *
     * @param i the input's position
     * @return its shape, possibly with unknown dimensions
     */
    public Shape inputShape(int i) {
        return inputs.get(i).shape();
    }

    /**
     * Returns the attributes.
     *
     * @return the attributes
     */
    public Attrs attrs() {
        return attrs;
    }

    /**
     * Describes the node for messages: {@code 'Add_1' (op Add; inputs float32[2, 3], float32[4])}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("'").append(name).append("' (op ").append(opType);
        sb.append(inputs.isEmpty() ? "; no inputs" : "; inputs ");
        for (int i = 0; i < inputs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(inputs.get(i));
        }
        return sb.append(')').toString();
    }
}
