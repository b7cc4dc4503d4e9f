package dev.flowgraph.ops.array;

import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * An array op that reads only its input's shape or relabels its elements without copying them
 * (identity, reshape, expandDims, squeeze, shape, size), so that its cost is nil whatever the size
 * and the executor never hands it to another thread.
 */
abstract class MetadataOp extends ArrayOp {
    MetadataOp(String type) {
        super(type, 1);
    }

    @Override
    public final long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }
}
