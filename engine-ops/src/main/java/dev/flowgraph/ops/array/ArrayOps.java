package dev.flowgraph.ops.array;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/**
 * Provides the array ops: Identity, Reshape, ReshapeLike, Transpose, ExpandDims, Squeeze, Concat,
 * Stack, Slice, Pad, Gather, ScatterAdd, OneHot, Fill, ZerosLike, OnesLike, Shape, Size, Range and
 * Tile.
 */
public final class ArrayOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ArrayOps() {}

    /**
     * Returns the array ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Identity(), new Reshape(), new ReshapeLike(), new Transpose(), new ExpandDims(),
                new Squeeze(), new Concat(), new Stack(), new Slice(), new Pad(), new Gather(), new ScatterAdd(),
                new OneHot(), new Fill(), new ZerosLike(), new OnesLike(), new ShapeOf(), new Size(), new Range(),
                new Tile());
    }
}
