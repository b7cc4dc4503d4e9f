package dev.flowgraph.fuzz;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.OutputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A seeded generator of random valid graphs for the differential tests.
 *
 * <p>From one seed it draws a DAG of 3 to 55 steps: placeholders and constants of FLOAT64 (most),
 * FLOAT32 and INT32; elementwise unary and binary ops whose second operand has a broadcasting
 * shape (a dimension dropped, set to 1, or {@code [n,1]} against {@code [m]}); reductions over
 * random axes with and without keepDims; matMul with random transposes; reshape, transpose,
 * concat (also of a tensor with itself), slice, tile, expandDims, squeeze, cast, softmax and
 * where. About one source in eight is large (more than 16,384 elements), so the executor sends
 * its consumers to the pool and the kernels split their work into several blocks. It then picks
 * a random fetch set (often including the last, deepest step) and up to two fed intermediates.
 *
 * <p>Ops that can fail a run on valid-looking input (integer division and mod, integer pow,
 * gather) are left out: a case compares values, not errors. Inputs are drawn among recent steps
 * more often than old ones, so that graphs are deep as well as wide.
 */
final class RandomGraphs {
    private static final int MAX_ELEMENTS = 200_000;

    private final SplittableRandom rng;
    private final long seed;
    private final Graph graph = new Graph();
    private final Ops tf = Ops.on(graph);
    private final List<FuzzCase.Step> steps = new ArrayList<>();
    private final List<Output> outs = new ArrayList<>();

    private RandomGraphs(long seed) {
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
    }

    /**
     * Generates the case of a seed: the same seed always gives the same steps, fetches and fed
     * intermediates, and no cuts.
     *
     * @param seed the seed
     * @return the case
     */
    static FuzzCase generate(long seed) {
        RandomGraphs g = new RandomGraphs(seed);
        try {
            return g.run();
        } finally {
            g.graph.close();
        }
    }

    private FuzzCase run() {
        int sources = 1 + rng.nextInt(3);
        for (int i = 0; i < sources; i++) {
            addSource(randomDType(), randomShape());
        }
        int total = sources + 2 + rng.nextInt(rng.nextBoolean() ? 10 : 50);
        while (steps.size() < total) {
            int before = steps.size();
            addRandomOp();
            if (steps.size() == before) {
                addSource(randomDType(), randomShape());
            }
        }
        int n = steps.size();
        TreeSet<Integer> fetches = new TreeSet<>();
        if (rng.nextInt(4) != 0) {
            fetches.add(n - 1);
        }
        int more = rng.nextInt(5);
        for (int i = 0; i < more || fetches.isEmpty(); i++) {
            fetches.add(rng.nextInt(n));
        }
        TreeSet<Integer> fed = new TreeSet<>();
        int feds = rng.nextInt(3);
        for (int i = 0; i < feds; i++) {
            int s = rng.nextInt(n);
            if (!steps.get(s).source()) {
                fed.add(s);
            }
        }
        List<Integer> fetchList = new ArrayList<>(fetches);
        // Shuffle the fetch order too: the result must follow the request, not the graph.
        for (int i = fetchList.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            fetchList.set(i, fetchList.set(j, fetchList.get(i)));
        }
        return new FuzzCase(seed, List.copyOf(steps), fetchList, fed, new TreeSet<>());
    }

    // ---- sources ------------------------------------------------------------------------------

    private DType randomDType() {
        int r = rng.nextInt(10);
        return r < 7 ? DType.FLOAT64 : r < 9 ? DType.FLOAT32 : DType.INT32;
    }

    private Shape randomShape() {
        if (rng.nextInt(8) == 0) {
            switch (rng.nextInt(3)) {
                case 0:
                    return Shape.of(16_385 + rng.nextInt(30_000));
                case 1:
                    return Shape.of(100 + rng.nextInt(100), 130 + rng.nextInt(100));
                default:
                    return Shape.of(2 + rng.nextInt(3), 60 + rng.nextInt(40), 80 + rng.nextInt(40));
            }
        }
        int rank = rng.nextInt(5) == 0 ? 0 : 1 + rng.nextInt(3);
        long[] dims = new long[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = rng.nextInt(4) == 0 ? 1 : 1 + rng.nextInt(7);
        }
        return Shape.of(dims);
    }

    /** Adds a placeholder (fed each run) or a constant of random values. */
    private int addSource(DType dtype, Shape shape) {
        OutputSpec spec = new OutputSpec(dtype, shape);
        if (rng.nextBoolean()) {
            return add("placeholder", new int[0], true, (t, in) -> t.placeholder("s" + steps.size(), dtype, shape));
        }
        Tensor value = FuzzCase.value(spec, rng.split());
        return add("constant " + spec, new int[0], false, (t, in) -> t.constant(value));
    }

    private int add(String label, int[] inputs, boolean source, FuzzCase.Builder builder) {
        Output[] ins = new Output[inputs.length];
        for (int k = 0; k < ins.length; k++) {
            ins[k] = outs.get(inputs[k]);
        }
        int index = steps.size();
        Output out = builder.build(tf.withName("s" + index), ins);
        outs.add(out);
        steps.add(new FuzzCase.Step(label, inputs, out.spec(), source, builder));
        return index;
    }

    // ---- ops ----------------------------------------------------------------------------------

    /** Picks a step, recent ones more often: the newest with probability 1/3. */
    private int pick() {
        int n = steps.size();
        if (rng.nextInt(3) == 0) {
            return n - 1;
        }
        return rng.nextBoolean() ? n - 1 - rng.nextInt(Math.min(n, 4)) : rng.nextInt(n);
    }

    private OutputSpec spec(int i) {
        return steps.get(i).spec();
    }

    private static boolean isFloat(DType d) {
        return d == DType.FLOAT64 || d == DType.FLOAT32;
    }

    private void addRandomOp() {
        int x = pick();
        OutputSpec s = spec(x);
        long[] dims = s.shape().dims();
        int rank = dims.length;
        switch (rng.nextInt(16)) {
            case 0: case 1: case 2:
                unary(x);
                break;
            case 3: case 4: case 5:
                binary(x);
                break;
            case 6: case 7:
                reduce(x);
                break;
            case 8:
                matMul(x);
                break;
            case 9:
                reshape(x);
                break;
            case 10:
                if (rank >= 2) {
                    int[] perm = permutation(rank);
                    add("transpose" + Arrays.toString(perm), new int[] {x}, false, (t, in) -> t.transpose(in[0], perm));
                }
                break;
            case 11:
                concat(x);
                break;
            case 12:
                slice(x);
                break;
            case 13:
                if (s.shape().size() <= 2_000 && rank >= 1) {
                    long[] m = new long[rank];
                    for (int d = 0; d < rank; d++) {
                        m[d] = 1 + rng.nextInt(3);
                    }
                    add("tile" + Arrays.toString(m), new int[] {x}, false, (t, in) -> t.tile(in[0], m));
                }
                break;
            case 14:
                if (rank < 4 && rng.nextBoolean()) {
                    int axis = rng.nextInt(rank + 1);
                    add("expandDims axis " + axis, new int[] {x}, false, (t, in) -> t.expandDims(in[0], axis));
                } else if (rank >= 1 && Arrays.stream(dims).anyMatch(d -> d == 1)) {
                    add("squeeze", new int[] {x}, false, (t, in) -> t.squeeze(in[0]));
                }
                break;
            default:
                DType to = s.dtype() == DType.FLOAT64 ? (rng.nextBoolean() ? DType.FLOAT32 : DType.INT32) : DType.FLOAT64;
                add("cast to " + to, new int[] {x}, false, (t, in) -> t.cast(in[0], to));
                break;
        }
    }

    private void unary(int x) {
        DType d = spec(x).dtype();
        if (!isFloat(d)) {
            String[] names = {"abs", "neg", "square", "relu", "sign"};
            int k = rng.nextInt(names.length);
            String name = names[k];
            add(name, new int[] {x}, false, (t, in) -> intUnary(t, name, in[0]));
            return;
        }
        String[] names = {"abs", "neg", "square", "sqrt", "exp", "log", "log1p", "tanh", "sigmoid", "relu", "sin",
            "softplus", "floor", "round", "reciprocal", "leakyRelu", "rsqrt", "sign", "softmax", "logSoftmax"};
        String name = names[rng.nextInt(names.length)];
        int rank = spec(x).shape().rank();
        if ((name.equals("softmax") || name.equals("logSoftmax")) && rank == 0) {
            return;
        }
        int axis = rank == 0 ? 0 : rng.nextInt(rank);
        add(name + (name.endsWith("oftmax") ? " axis " + axis : ""), new int[] {x}, false,
                (t, in) -> floatUnary(t, name, axis, in[0]));
    }

    private static Output intUnary(Ops t, String name, Output x) {
        switch (name) {
            case "abs": return t.abs(x);
            case "neg": return t.neg(x);
            case "square": return t.square(x);
            case "relu": return t.relu(x);
            default: return t.sign(x);
        }
    }

    private static Output floatUnary(Ops t, String name, int axis, Output x) {
        switch (name) {
            case "abs": return t.abs(x);
            case "neg": return t.neg(x);
            case "square": return t.square(x);
            case "sqrt": return t.sqrt(x);
            case "exp": return t.exp(x);
            case "log": return t.log(x);
            case "log1p": return t.log1p(x);
            case "tanh": return t.tanh(x);
            case "sigmoid": return t.sigmoid(x);
            case "relu": return t.relu(x);
            case "sin": return t.sin(x);
            case "softplus": return t.softplus(x);
            case "floor": return t.floor(x);
            case "round": return t.round(x);
            case "reciprocal": return t.reciprocal(x);
            case "leakyRelu": return t.leakyRelu(x, 0.1);
            case "rsqrt": return t.rsqrt(x);
            case "sign": return t.sign(x);
            case "softmax": return t.softmax(x, axis);
            default: return t.logSoftmax(x, axis);
        }
    }

    /** A second operand for {@code x}: an existing step of a broadcast-compatible shape, or a new source. */
    private int partner(int x) {
        OutputSpec s = spec(x);
        if (rng.nextInt(4) == 0) {
            return x;
        }
        if (rng.nextBoolean()) {
            for (int tries = 0; tries < 6; tries++) {
                int y = rng.nextInt(steps.size());
                OutputSpec t = spec(y);
                if (t.dtype() == s.dtype() && broadcasts(s.shape(), t.shape())) {
                    return y;
                }
            }
        }
        long[] dims = s.shape().dims();
        int drop = dims.length == 0 ? 0 : rng.nextInt(dims.length + 1) / 2;
        long[] other = new long[dims.length - drop];
        boolean small = s.shape().size() <= 5_000;
        for (int d = 0; d < other.length; d++) {
            long xd = dims[d + drop];
            int r = rng.nextInt(4);
            other[d] = r == 0 ? 1 : (xd == 1 && small && r == 1) ? 2 + rng.nextInt(5) : xd;
        }
        return addSource(s.dtype(), Shape.of(other));
    }

    private static boolean broadcasts(Shape a, Shape b) {
        try {
            return Shape.broadcast(a, b).size() <= MAX_ELEMENTS;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void binary(int x) {
        int y = partner(x);
        boolean swap = rng.nextBoolean();
        int a = swap ? y : x;
        int b = swap ? x : y;
        if (!broadcasts(spec(a).shape(), spec(b).shape())) {
            return;
        }
        if (isFloat(spec(x).dtype())) {
            String[] names = {"add", "sub", "mul", "div", "maximum", "minimum", "pow", "mod", "squaredDifference", "where"};
            String name = names[rng.nextInt(names.length)];
            add(name, new int[] {a, b}, false, (t, in) -> floatBinary(t, name, in[0], in[1]));
        } else {
            String[] names = {"add", "sub", "mul", "maximum", "minimum", "squaredDifference", "where"};
            String name = names[rng.nextInt(names.length)];
            add(name, new int[] {a, b}, false, (t, in) -> floatBinary(t, name, in[0], in[1]));
        }
    }

    private static Output floatBinary(Ops t, String name, Output x, Output y) {
        Ops plain = Ops.on(t.graph());
        switch (name) {
            case "add": return t.add(x, y);
            case "sub": return t.sub(x, y);
            case "mul": return t.mul(x, y);
            case "div": return t.div(x, y);
            case "maximum": return t.maximum(x, y);
            case "minimum": return t.minimum(x, y);
            case "pow": return t.pow(x, y);
            case "mod": return t.mod(x, y);
            case "squaredDifference": return t.squaredDifference(x, y);
            default: return t.where(plain.greater(x, y), x, y);
        }
    }

    private void reduce(int x) {
        OutputSpec s = spec(x);
        int rank = s.shape().rank();
        String[] names = isFloat(s.dtype()) ? new String[] {"sum", "mean", "max", "min", "prod"}
                : new String[] {"sum", "max", "min", "prod"};
        String name = names[rng.nextInt(names.length)];
        if (rank == 0 || rng.nextInt(4) == 0) {
            add(name + " all", new int[] {x}, false, (t, in) -> reduceAll(t, name, in[0]));
            return;
        }
        TreeSet<Integer> axes = new TreeSet<>();
        int count = 1 + rng.nextInt(rank);
        for (int i = 0; i < count; i++) {
            axes.add(rng.nextInt(rank) - (rng.nextBoolean() ? rank : 0));
        }
        // Negative and positive spellings of one axis would name it twice.
        TreeSet<Integer> norm = new TreeSet<>();
        int[] ax = axes.stream().filter(a -> norm.add(a < 0 ? a + rank : a)).mapToInt(Integer::intValue).toArray();
        boolean keep = rng.nextBoolean();
        add(name + " axes " + Arrays.toString(ax) + (keep ? " keepDims" : ""), new int[] {x}, false,
                (t, in) -> reduceAxes(t, name, in[0], ax, keep));
    }

    private static Output reduceAll(Ops t, String name, Output x) {
        switch (name) {
            case "sum": return t.sum(x);
            case "mean": return t.mean(x);
            case "max": return t.max(x);
            case "min": return t.min(x);
            default: return t.prod(x);
        }
    }

    private static Output reduceAxes(Ops t, String name, Output x, int[] axes, boolean keep) {
        switch (name) {
            case "sum": return t.sum(x, axes, keep);
            case "mean": return t.mean(x, axes, keep);
            case "max": return t.max(x, axes, keep);
            case "min": return t.min(x, axes, keep);
            default: return t.prod(x, axes, keep);
        }
    }

    private void matMul(int x) {
        OutputSpec s = spec(x);
        if (s.shape().rank() != 2) {
            return;
        }
        boolean ta = rng.nextBoolean();
        boolean tb = rng.nextBoolean();
        long k = s.shape().dim(ta ? 0 : 1);
        long m = s.shape().dim(ta ? 1 : 0);
        long n = m * k > 5_000 ? 1 + rng.nextInt(8) : 1 + rng.nextInt(rng.nextBoolean() ? 8 : 200);
        int y = addSource(s.dtype(), tb ? Shape.of(n, k) : Shape.of(k, n));
        add("matMul" + (ta ? " transposeA" : "") + (tb ? " transposeB" : ""), new int[] {x, y}, false,
                (t, in) -> t.matMul(in[0], in[1], ta, tb));
    }

    private void reshape(int x) {
        long size = spec(x).shape().size();
        long[] to;
        int r = rng.nextInt(3);
        List<Long> divisors = new ArrayList<>();
        for (long d = 2; d <= Math.min(size, 400); d++) {
            if (size % d == 0) {
                divisors.add(d);
            }
        }
        if (r == 0 || divisors.isEmpty()) {
            to = new long[] {rng.nextBoolean() ? size : -1};
        } else {
            long a = divisors.get(rng.nextInt(divisors.size()));
            to = r == 1 ? new long[] {a, -1} : new long[] {1, size / a, a};
        }
        add("reshape" + Arrays.toString(to), new int[] {x}, false, (t, in) -> t.reshape(in[0], to));
    }

    private void concat(int x) {
        OutputSpec s = spec(x);
        int rank = s.shape().rank();
        if (rank == 0) {
            return;
        }
        int axis = rng.nextInt(rank);
        int y;
        if (rng.nextBoolean()) {
            y = x;
        } else {
            long[] dims = s.shape().dims();
            dims[axis] = 1 + rng.nextInt(5);
            y = addSource(s.dtype(), Shape.of(dims));
        }
        int a = rng.nextBoolean() ? x : y;
        int b = a == x ? y : x;
        add("concat axis " + axis, new int[] {a, b}, false, (t, in) -> t.concat(axis, in[0], in[1]));
    }

    private void slice(int x) {
        long[] dims = spec(x).shape().dims();
        if (dims.length == 0) {
            return;
        }
        long[] begin = new long[dims.length];
        long[] size = new long[dims.length];
        for (int d = 0; d < dims.length; d++) {
            begin[d] = rng.nextInt((int) dims[d]);
            size[d] = rng.nextInt(4) == 0 ? -1 : 1 + rng.nextInt((int) (dims[d] - begin[d]));
        }
        add("slice begin " + Arrays.toString(begin) + " size " + Arrays.toString(size), new int[] {x}, false,
                (t, in) -> t.slice(in[0], begin, size));
    }

    private int[] permutation(int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = i;
        }
        for (int i = rank - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
