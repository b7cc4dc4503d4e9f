package dev.flowgraph.spi;

/**
 * One block of a kernel's work, handed to {@link KernelContext#parallelFor}.
 */
@FunctionalInterface
public interface RangeBody {
    /**
     * Processes the items {@code [start, end)}.
     *
     * @param start the first item of the block
     * @param end one past the last item of the block
     */
    void run(int start, int end);
}
