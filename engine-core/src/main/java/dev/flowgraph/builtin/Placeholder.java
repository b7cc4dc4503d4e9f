package dev.flowgraph.builtin;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * A node whose value must be fed to every run that needs it; its {@code dtype} and {@code shape}
 * attributes (the shape may hold unknown dimensions) say what a feed must match.
 */
public final class Placeholder implements OpDef {
    /** The op type. */
    public static final String TYPE = "Placeholder";
    /** The attribute holding the dtype. */
    public static final String DTYPE = "dtype";
    /** The attribute holding the static shape. */
    public static final String SHAPE = "shape";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        checkArgument(node.attrs().has(DTYPE) && node.attrs().has(SHAPE),
                "a placeholder needs '%s' and '%s' attributes", DTYPE, SHAPE);
        return List.of(new OutputSpec(node.attrs().getDType(DTYPE), node.attrs().getShape(SHAPE)));
    }

    @Override
    public void compute(KernelContext k) {
        // Sessions refuse a run that needs an unfed placeholder before anything runs.
        throw new IllegalStateException("placeholder '" + k.nodeName() + "' was not fed");
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }

    @Override
    public String summary() {
        return "placeholder(name, dtype, shape): a value fed to each run that needs it; -1 dimensions accept any size";
    }
}
