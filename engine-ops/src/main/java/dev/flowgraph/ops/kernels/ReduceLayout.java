package dev.flowgraph.ops.kernels;

import java.util.Arrays;

/**
 * How a reduction walks a row-major array: the input's axes, without those of size 1 and with
 * runs of adjacent axes that are all kept or all reduced merged into one, split into the kept
 * part (which enumerates the output elements, in row-major order) and the reduced part (which
 * each output element folds over).
 */
public final class ReduceLayout {
    final int[] keptDims;
    final int[] keptStrides;
    final int[] reducedDims;
    final int[] reducedStrides;
    private final int outputCount;
    private final int reducedCount;

    private ReduceLayout(int[] keptDims, int[] keptStrides, int[] reducedDims, int[] reducedStrides) {
        this.keptDims = keptDims;
        this.keptStrides = keptStrides;
        this.reducedDims = reducedDims;
        this.reducedStrides = reducedStrides;
        this.outputCount = product(keptDims);
        this.reducedCount = product(reducedDims);
    }

    /**
     * Plans the reduction of an array of shape {@code dims} over the axes flagged in
     * {@code reduced}.
     *
     * @param dims the input's dimensions
     * @param reduced per axis, whether it is reduced
     * @return the layout
     */
    public static ReduceLayout of(long[] dims, boolean[] reduced) {
        int rank = dims.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= (int) dims[d];
        }
        int[] kd = new int[rank];
        int[] ks = new int[rank];
        int[] rd = new int[rank];
        int[] rs = new int[rank];
        int nk = 0;
        int nr = 0;
        int previous = -1;
        for (int d = 0; d < rank; d++) {
            if (dims[d] == 1) {
                // An axis of size 1 moves no offset, so it neither adds to a run nor ends one: a
                // per-channel sum of [1, c, h, w] folds one run of h * w elements per channel.
                continue;
            }
            // A run of same-flag axes is contiguous in memory: one axis of the run's size, with the
            // stride of its innermost axis.
            boolean continuesRun = previous >= 0 && reduced[d] == reduced[previous];
            previous = d;
            if (reduced[d]) {
                if (continuesRun) {
                    rd[nr - 1] *= (int) dims[d];
                    rs[nr - 1] = strides[d];
                } else {
                    rd[nr] = (int) dims[d];
                    rs[nr++] = strides[d];
                }
            } else if (continuesRun) {
                kd[nk - 1] *= (int) dims[d];
                ks[nk - 1] = strides[d];
            } else {
                kd[nk] = (int) dims[d];
                ks[nk++] = strides[d];
            }
        }
        return new ReduceLayout(Arrays.copyOf(kd, nk), Arrays.copyOf(ks, nk), Arrays.copyOf(rd, nr),
                Arrays.copyOf(rs, nr));
    }

    private static int product(int[] dims) {
        int p = 1;
        for (int d : dims) {
            p *= d;
        }
        return p;
    }

    /**
     * Returns the number of output elements.
     *
     * @return the product of the kept dimensions
     */
    public int outputCount() {
        return outputCount;
    }

    /**
     * Returns how many input elements each output element folds.
     *
     * @return the product of the reduced dimensions
     */
    public int reducedCount() {
        return reducedCount;
    }

    /** The input offset of output element {@code o}'s first folded element. */
    int baseOffset(int o) {
        int offset = 0;
        for (int k = keptDims.length - 1; k >= 0; k--) {
            offset += (o % keptDims[k]) * keptStrides[k];
            o /= keptDims[k];
        }
        return offset;
    }
}
