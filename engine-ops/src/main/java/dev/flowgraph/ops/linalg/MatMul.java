package dev.flowgraph.ops.linalg;

import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The matrix product {@code op(a) · op(b)}, as {@code numpy.matmul}: the last two axes of each
 * operand are a matrix, the leading axes index a stack of matrices and broadcast with NumPy's
 * rules, so {@code [2, 1, m, k] · [3, k, n]} is {@code [2, 3, m, n]}. A rank-1 a counts as
 * {@code [1, k]} and a rank-1 b as {@code [k, 1]}, and the added axis is removed from the result:
 * {@code [m, k] · [k]} is {@code [m]}, {@code [k] · [k, n]} is {@code [n]}, {@code [k] · [k]} is
 * the scalar {@code []}, {@code [b, m, k] · [k]} is {@code [b, m]}. The boolean attributes
 * {@code transposeA} and {@code transposeB} (default false) swap the last two axes of an operand
 * of rank 2 or more; set on a rank-1 operand they are refused. Scalars are refused. Both operands
 * have one numeric dtype; FLOAT32 sums in float and integers wrap. Unknown dimensions propagate:
 * {@code [-1, 784] · [784, 10]} is {@code [-1, 10]}; an operand of unknown rank gives an unknown
 * output shape.
 *
 * <p>Each output element is summed in increasing order of the inner index, FLOAT32 and FLOAT64
 * with one fused multiply-add per term, whatever the number of threads; fixed tiles of the
 * output (large float products, see {@code TiledMatrixMultiply}) or blocks of a fixed number of
 * output rows counted over the whole stack of batches (the others) run in parallel.
 */
final class MatMul implements OpDef, Differentiable {
    static final String TYPE = "MatMul";
    static final String TRANSPOSE_A = "transposeA";
    static final String TRANSPOSE_B = "transposeB";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String summary() {
        return "matMul(a, b, transposeA, transposeB): matrix product as numpy.matmul; leading axes are batch axes"
                + " and broadcast; rank-1 operands are promoted then squeezed; numeric dtypes";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(new OutputSpec(Broadcast.numericDType(node),
                Dims.of(node.inputShape(0), node.inputShape(1), node.attrs()).outputShape()));
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        Dims d = Dims.of(node.inputShape(0), node.inputShape(1), node.attrs());
        if (d.batch == null || !d.batch.isFullyDefined() || d.m < 0 || d.k < 0 || d.n < 0) {
            return Long.MAX_VALUE;
        }
        try {
            return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(d.batch.size(), d.m), d.k), d.n);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void compute(KernelContext k) {
        Tensor a = k.input(0);
        Tensor b = k.input(1);
        Dims d = Dims.of(a.shape(), b.shape(), k.attrs());
        // Each of m, k and n is a dimension of an input, so it fits in an int.
        int m = (int) d.m;
        int inner = (int) d.k;
        int n = (int) d.n;
        long[] batch = d.batch.dims();
        long[] aBatchDims = Arrays.copyOf(a.shape().dims(), Math.max(0, a.rank() - 2));
        long[] bBatchDims = Arrays.copyOf(b.shape().dims(), Math.max(0, b.rank() - 2));
        int batches = (int) Math.min(Integer.MAX_VALUE, d.batch.size());
        int[] aOffsets = new int[batches];
        int[] bOffsets = new int[batches];
        int aMatrix = m * inner;
        int bMatrix = inner * n;
        if (batches > 0) {
            // Broadcasting the batch axes maps each output batch to the operands' batches.
            BroadcastIndex index = new BroadcastIndex(batch, aBatchDims, bBatchDims);
            index.forEachRun(0, index.size(), (out, len, xo, xs, yo, ys) -> {
                for (int i = 0; i < len; i++) {
                    aOffsets[out + i] = (xo + i * xs) * aMatrix;
                    bOffsets[out + i] = (yo + i * ys) * bMatrix;
                }
            });
        }
        Products.run(k, a, b, d.outputShape(), aOffsets, bOffsets, m, inner, n, d.ta, d.tb);
    }

    /**
     * For {@code C = A · B}, {@code dA = dC · Bᵀ} and {@code dB = Aᵀ · dC}, with the transpose
     * flags folded into the products (for {@code C = A · Bᵀ}, {@code dB = dCᵀ · A}, and so on).
     * Rank-1 operands are first promoted to matrices, and dC given back the axes the product
     * removed, so one rule covers every case; the gradients are then summed over broadcast batch
     * axes ({@link Ops#sumTo}) and reshaped back to each operand's shape. Needs both ranks.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output a = node.input(0);
        Output b = node.input(1);
        if (!a.shape().hasKnownRank() || !b.shape().hasKnownRank()) {
            throw new GraphBuildException(String.format("cannot differentiate node '%s' (op %s): operands of shapes"
                    + " %s and %s; the gradient needs both ranks", node.name(), TYPE, a.shape(), b.shape()));
        }
        boolean ta = node.attrs().getBoolean(TRANSPOSE_A, false);
        boolean tb = node.attrs().getBoolean(TRANSPOSE_B, false);
        boolean aVector = a.shape().rank() == 1;
        boolean bVector = b.shape().rank() == 1;
        Output a2 = aVector ? tf.expandDims(a, 0) : a;
        Output b2 = bVector ? tf.expandDims(b, -1) : b;
        Output dc = dOutputs.get(0);
        if (bVector) {
            dc = tf.expandDims(dc, -1);
        }
        if (aVector) {
            dc = tf.expandDims(dc, -2);
        }
        Output da;
        Output db;
        if (!ta && !tb) {
            da = tf.matMul(dc, b2, false, true);
            db = tf.matMul(a2, dc, true, false);
        } else if (!ta) {
            da = tf.matMul(dc, b2, false, false);
            db = tf.matMul(dc, a2, true, false);
        } else if (!tb) {
            da = tf.matMul(b2, dc, false, true);
            db = tf.matMul(a2, dc, false, false);
        } else {
            da = tf.matMul(b2, dc, true, true);
            db = tf.matMul(dc, a2, true, true);
        }
        da = tf.sumTo(da, a2);
        db = tf.sumTo(db, b2);
        return List.of(aVector ? tf.reshapeLike(da, a) : da, bVector ? tf.reshapeLike(db, b) : db);
    }

    /**
     * The product's dimensions: the broadcast batch shape, and {@code op(a)} is {@code [m, k]} and
     * {@code op(b)} is {@code [k, n]}, where a rank-1 a counts as {@code [1, k]} and a rank-1 b as
     * {@code [k, 1]}; -1 where unknown. {@code ta} and {@code tb} are the transpose flags as the
     * kernel applies them (always false for a rank-1 operand).
     */
    private static final class Dims {
        /** The broadcast batch axes; null when an operand's rank is unknown. */
        final Shape batch;
        final long m;
        final long k;
        final long n;
        final boolean ta;
        final boolean tb;
        /** Null when an operand's rank is unknown; else the output's dimensions. */
        private final long[] out;

        private Dims(Shape batch, long m, long k, long n, boolean ta, boolean tb, long[] out) {
            this.batch = batch;
            this.m = m;
            this.k = k;
            this.n = n;
            this.ta = ta;
            this.tb = tb;
            this.out = out;
        }

        static Dims of(Shape a, Shape b, Attrs attrs) {
            boolean ta = attrs.getBoolean(TRANSPOSE_A, false);
            boolean tb = attrs.getBoolean(TRANSPOSE_B, false);
            checkOperand("a", a, TRANSPOSE_A, ta);
            checkOperand("b", b, TRANSPOSE_B, tb);
            if (!a.hasKnownRank() || !b.hasKnownRank()) {
                return new Dims(null, -1, -1, -1, ta, tb, null);
            }
            int ra = a.rank();
            int rb = b.rank();
            boolean aMatrix = ra >= 2;
            boolean bMatrix = rb >= 2;
            long m = aMatrix ? a.dim(ra - (ta ? 1 : 2)) : 1;
            long ka = aMatrix ? a.dim(ra - (ta ? 2 : 1)) : a.dim(0);
            long kb = bMatrix ? b.dim(rb - (tb ? 1 : 2)) : b.dim(0);
            long n = bMatrix ? b.dim(rb - (tb ? 2 : 1)) : 1;
            if (ka >= 0 && kb >= 0 && ka != kb) {
                throw new IllegalArgumentException("inner dimensions differ: a" + describe(a, ta) + " has " + ka
                        + " columns but b" + describe(b, tb) + " has " + kb + " rows");
            }
            long k = ka >= 0 ? ka : kb;
            Shape batch;
            try {
                batch = Shape.broadcast(Shape.of(Arrays.copyOf(a.dims(), Math.max(0, ra - 2))),
                        Shape.of(Arrays.copyOf(b.dims(), Math.max(0, rb - 2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("batch axes of a (shape " + a + ") and b (shape " + b
                        + ") do not broadcast: " + e.getMessage(), e);
            }
            long[] bd = batch.dims();
            long[] out = Arrays.copyOf(bd, bd.length + (aMatrix ? 1 : 0) + (bMatrix ? 1 : 0));
            int at = bd.length;
            if (aMatrix) {
                out[at++] = m;
            }
            if (bMatrix) {
                out[at] = n;
            }
            return new Dims(batch, m, k, n, ta, tb, out);
        }

        Shape outputShape() {
            return out == null ? Shape.unknown() : Shape.of(out);
        }

        private static void checkOperand(String name, Shape s, String flag, boolean transposed) {
            if (!s.hasKnownRank()) {
                return;
            }
            if (s.rank() == 0) {
                throw new IllegalArgumentException("operand " + name + " is a scalar; matmul needs rank 1 or more "
                        + "(use mul to scale by a scalar)");
            }
            if (s.rank() == 1 && transposed) {
                throw new IllegalArgumentException(flag + " is set but operand " + name + " has rank 1 (shape " + s
                        + "); transpose flags apply to operands of rank 2 or more");
            }
        }

        private static String describe(Shape s, boolean transposed) {
            return " of shape " + s + (transposed ? " transposed" : "");
        }
    }
}
