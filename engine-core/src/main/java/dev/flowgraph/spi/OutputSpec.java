package dev.flowgraph.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;

/**
 * The static dtype and shape of one node input or output, as shape rules see and produce them.
 *
 * @param dtype the element type
 * @param shape the static shape, possibly with unknown dimensions or rank
 */
public record OutputSpec(DType dtype, Shape shape) {
    /**
     * Checks that both parts are present.
     *
     * @throws NullPointerException if the dtype or the shape is null
     */
    public OutputSpec {
        checkNotNull(dtype, "dtype");
        checkNotNull(shape, "shape");
    }

    /**
     * Returns the spec as messages print it, e.g. {@code float32[-1, 784]}.
     *
     * @return dtype and shape
     */
    @Override
    public String toString() {
        return dtype.toString() + shape;
    }
}
