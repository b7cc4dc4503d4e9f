package dev.flowgraph.ops.linalg;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.MatrixMultiply;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * The matrix product {@code op(a) · op(b)} of rank-1 and rank-2 operands, as {@code numpy.matmul}:
 * {@code [m, k] · [k, n]} is {@code [m, n]}; {@code [m, k] · [k]} is {@code [m]};
 * {@code [k] · [k, n]} is {@code [n]}; {@code [k] · [k]} is the scalar {@code []}. The boolean
 * attributes {@code transposeA} and {@code transposeB} (default false) replace a rank-2 operand by
 * its transpose; set on a rank-1 operand they are refused. Scalars are refused, and so is rank
 * above 2 (batched matmul is not supported yet). Both operands have one numeric dtype; FLOAT32
 * sums in float and integers wrap. Unknown dimensions propagate: {@code [-1, 784] · [784, 10]} is
 * {@code [-1, 10]}; an operand of unknown rank gives an unknown output shape.
 *
 * <p>Each output element is summed in increasing order of the inner index, whatever the number
 * of threads; blocks of output rows run in parallel.
 */
final class MatMul implements OpDef {
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
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(new OutputSpec(Broadcast.numericDType(node),
                Dims.of(node.inputShape(0), node.inputShape(1), node.attrs()).outputShape()));
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        Dims d = Dims.of(node.inputShape(0), node.inputShape(1), node.attrs());
        if (d.m < 0 || d.k < 0 || d.n < 0) {
            return Long.MAX_VALUE;
        }
        try {
            return Math.multiplyExact(Math.multiplyExact(d.m, d.k), d.n);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void compute(KernelContext k) {
        Tensor a = k.input(0);
        Tensor b = k.input(1);
        Dims d = Dims.of(a.shape(), b.shape(), k.attrs());
        Shape shape = d.outputShape();
        // Tensor sizes fit in an int, and so do m, k and n, each a dimension of an input.
        int m = (int) d.m;
        int inner = (int) d.k;
        int n = (int) d.n;
        Object x = TensorBuffers.array(a);
        Object y = TensorBuffers.array(b);
        if ((long) m * n > Tensor.MAX_SIZE) {
            throw new IllegalArgumentException("the product, of shape " + shape + ", would hold more than "
                    + Tensor.MAX_SIZE + " elements");
        }
        Object c = java.lang.reflect.Array.newInstance(x.getClass().getComponentType(), m * n);
        RangeBody rows;
        if (x instanceof float[]) {
            rows = (s, e) -> MatrixMultiply.multiply((float[]) x, (float[]) y, (float[]) c, m, inner, n, d.ta, d.tb, s, e);
        } else if (x instanceof double[]) {
            rows = (s, e) -> MatrixMultiply.multiply((double[]) x, (double[]) y, (double[]) c, m, inner, n, d.ta, d.tb, s, e);
        } else if (x instanceof int[]) {
            rows = (s, e) -> MatrixMultiply.multiply((int[]) x, (int[]) y, (int[]) c, m, inner, n, d.ta, d.tb, s, e);
        } else if (x instanceof long[]) {
            rows = (s, e) -> MatrixMultiply.multiply((long[]) x, (long[]) y, (long[]) c, m, inner, n, d.ta, d.tb, s, e);
        } else {
            // The shape rule refuses BOOL, so only a bug elsewhere gets here.
            throw new IllegalStateException("no matrix product of " + a.dtype());
        }
        k.parallelFor(m, KernelTuning.matMulRowsPerBlock(n, inner), rows);
        k.setOutput(0, TensorBuffers.wrap(a.dtype(), shape, c));
    }

    /**
     * The product's dimensions: {@code op(a)} is {@code [m, k]} and {@code op(b)} is
     * {@code [k, n]}, where a rank-1 a counts as {@code [1, k]} and a rank-1 b as {@code [k, 1]};
     * -1 where unknown. {@code ta} and {@code tb} are the transpose flags as the kernel applies
     * them (always false for a rank-1 operand).
     */
    private static final class Dims {
        final long m;
        final long k;
        final long n;
        final boolean ta;
        final boolean tb;
        /** Null when an operand's rank is unknown; else the output's dimensions. */
        private final long[] out;

        private Dims(long m, long k, long n, boolean ta, boolean tb, long[] out) {
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
                return new Dims(-1, -1, -1, ta, tb, null);
            }
            boolean aMatrix = a.rank() == 2;
            boolean bMatrix = b.rank() == 2;
            long m = aMatrix ? a.dim(ta ? 1 : 0) : 1;
            long ka = aMatrix ? a.dim(ta ? 0 : 1) : a.dim(0);
            long kb = bMatrix ? b.dim(tb ? 1 : 0) : b.dim(0);
            long n = bMatrix ? b.dim(tb ? 0 : 1) : 1;
            if (ka >= 0 && kb >= 0 && ka != kb) {
                throw new IllegalArgumentException("inner dimensions differ: a" + describe(a, ta) + " has " + ka
                        + " columns but b" + describe(b, tb) + " has " + kb + " rows");
            }
            long k = ka >= 0 ? ka : kb;
            long[] out = aMatrix && bMatrix ? new long[] {m, n} : aMatrix ? new long[] {m} : bMatrix ? new long[] {n}
                    : new long[0];
            return new Dims(m, k, n, ta, tb, out);
        }

        Shape outputShape() {
            return out == null ? Shape.unknown() : Shape.of(out);
        }

        private static void checkOperand(String name, Shape s, String flag, boolean transposed) {
            if (!s.hasKnownRank()) {
                return;
            }
            if (s.rank() == 0) {
                throw new IllegalArgumentException("operand " + name + " is a scalar; matmul needs rank 1 or 2 "
                        + "(use mul to scale by a scalar)");
            }
            if (s.rank() > 2) {
                throw new IllegalArgumentException("batched matmul (rank > 2) is not supported yet: operand " + name
                        + " has shape " + s);
            }
            if (s.rank() == 1 && transposed) {
                throw new IllegalArgumentException(flag + " is set but operand " + name + " has rank 1 (shape " + s
                        + "); transpose flags apply to rank-2 operands");
            }
        }

        private static String describe(Shape s, boolean transposed) {
            return " of shape " + s + (transposed ? " transposed" : "");
        }
    }
}
