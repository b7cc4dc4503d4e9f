package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;

/**
 * Evenly spaced values, as {@code numpy.arange}: {@code start + i * delta} for
 * {@code 0 <= i < max(0, ceil((limit - start) / delta))}. Attributes {@code start}, {@code limit}
 * and {@code delta} are doubles, {@code dtype} is the output's numeric dtype; for integer dtypes
 * the three must be whole numbers (at most 2^53 in magnitude) and every value must fit the dtype.
 * A zero delta is refused. The output's shape is known when the node is added.
 */
final class Range extends ArrayOp {
    static final String TYPE = "Range";
    static final String START = "start";
    static final String LIMIT = "limit";
    static final String DELTA = "delta";
    static final String DTYPE = "dtype";

    private static final double MAX_EXACT = 0x1p53;

    Range() {
        super(TYPE, 0);
    }

    @Override
    public String summary() {
        return "range(start, limit, delta): start + i * delta for i < ceil((limit - start) / delta), as "
                + "numpy.arange; int64 from long arguments, float64 from doubles, or a given numeric dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(new OutputSpec(node.attrs().getDType(DTYPE), Shape.of(length(node.attrs()))));
    }

    /** The number of values; checks the attributes. */
    private static int length(Attrs attrs) {
        DType dtype = attrs.getDType(DTYPE);
        double start = attrs.getDouble(START);
        double limit = attrs.getDouble(LIMIT);
        double delta = attrs.getDouble(DELTA);
        checkArgument(dtype.isNumeric(), "range of %s is not defined; it needs a numeric dtype", dtype);
        checkArgument(Double.isFinite(start) && Double.isFinite(limit) && Double.isFinite(delta),
                "start %s, limit %s and delta %s must be finite", start, limit, delta);
        checkArgument(delta != 0, "delta is 0; a range needs a non-zero step");
        long n;
        if (dtype.isInteger()) {
            for (double v : new double[] {start, limit, delta}) {
                checkArgument(v == Math.rint(v) && Math.abs(v) <= MAX_EXACT,
                        "a %s range needs whole numbers of at most 2^53 in magnitude, not %s", dtype, v);
            }
            long span = (long) limit - (long) start;
            long step = (long) delta;
            n = Math.max(0, -Math.floorDiv(-span, step));
        } else {
            n = (long) Math.max(0, Math.ceil((limit - start) / delta));
        }
        checkArgument(n <= Tensor.MAX_SIZE, "range from %s to %s by %s has %s values, too many for a tensor", start,
                limit, delta, n);
        if (dtype == DType.INT32 && n > 0) {
            long last = (long) start + (n - 1) * (long) delta;
            checkArgument(fitsInt((long) start) && fitsInt(last),
                    "range from %s to %s by %s leaves int32; use int64", start, limit, delta);
        }
        return (int) n;
    }

    private static boolean fitsInt(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    @Override
    public void compute(KernelContext k) {
        Attrs attrs = k.attrs();
        int n = length(attrs);
        DType dtype = attrs.getDType(DTYPE);
        double start = attrs.getDouble(START);
        double delta = attrs.getDouble(DELTA);
        Object out;
        if (dtype.isInteger()) {
            // Whole numbers up to 2^53 convert exactly, and the length check keeps every value in range.
            long first = (long) start;
            long step = (long) delta;
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = first + i * step;
            }
            out = dtype == DType.INT64 ? v : Arrays.stream(v).mapToInt(Math::toIntExact).toArray();
        } else {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = start + i * delta;
            }
            if (dtype == DType.FLOAT64) {
                out = v;
            } else {
                // Each value is computed in double and rounded to float once, so errors do not accumulate.
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) v[i];
                }
                out = f;
            }
        }
        k.setOutput(0, TensorBuffers.wrap(dtype, Shape.of(n), out));
    }
}
