package dev.flowgraph.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.KernelException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Result;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Gradients;
import dev.flowgraph.io.Checkpoint;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Npy;
import dev.flowgraph.io.Npz;
import dev.flowgraph.io.Signature;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import dev.flowgraph.optimizers.Adam;
import dev.flowgraph.optimizers.GradientAndVariable;
import dev.flowgraph.optimizers.GradientDescent;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The bad-input catalogue: every bad input tried against the engine, with the exception type and
 * the exact message a user sees, or, where the input is not an error (NaN, infinities, empty
 * tensors, a fed fetch), the value the run returns.
 *
 * <p>The catalogue is data ({@link #CATALOGUE}); one dynamic test per row triggers the input and
 * checks the outcome exactly, and {@link #docsErrorsMdIsUpToDate()} renders {@code docs/errors.md}
 * from the same data. After changing a row or a message, regenerate the page with
 * {@code mvn -pl engine-ops -am test -Dtest=ErrorCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DregenerateErrorCatalogue=true}.
 */
@Timeout(60)
class ErrorCatalogueTest {
    private static final Duration ROW_TIMEOUT = Duration.ofSeconds(30);
    private static final Path PAGE = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/errors.md").normalize();

    /** What a row does: returns a value when the input is accepted, throws when it is refused. */
    @FunctionalInterface
    interface Trigger {
        Object call() throws Exception;
    }

    /** A scenario on a fresh graph and a 2-thread session over it, both closed afterwards. */
    @FunctionalInterface
    interface Scenario {
        Object call(Ops tf, Session s) throws Exception;
    }

    /**
     * One row: the area, the bad input in words, what triggers it, and the expected outcome: the
     * exception's simple class name (with its cause's, if any, as {@code Type (cause: Cause)}) and
     * its message; or {@link #NO_ERROR} and the returned value's {@code toString}.
     */
    record Row(String area, String input, Trigger trigger, String type, String message) {}

    static final String NO_ERROR = "no error";

    private static final List<Row> CATALOGUE = new ArrayList<>();

    private static void row(String area, String input, Trigger trigger, String type, String message) {
        CATALOGUE.add(new Row(area, input, trigger, type, message));
    }

    private static Trigger session(Scenario scenario) {
        return () -> {
            try (Graph g = new Graph(); Session s = new Session(g, 2)) {
                return scenario.call(Ops.on(g), s);
            }
        };
    }

    /** The outcome as the table shows it: type and message, or "no error" and the value. */
    static String[] outcome(Trigger trigger) {
        try {
            Object value = trigger.call();
            return new String[] {NO_ERROR, describe(value)};
        } catch (Exception e) {
            String type = e.getClass().getSimpleName();
            if (e.getCause() != null) {
                type += " (cause: " + e.getCause().getClass().getSimpleName() + ")";
            }
            return new String[] {type, String.valueOf(e.getMessage())};
        }
    }

    private static String describe(Object value) {
        if (value instanceof Result) {
            Result r = (Result) value;
            List<String> parts = new ArrayList<>();
            for (Tensor t : r) {
                parts.add(t.toString());
            }
            return parts.stream().collect(Collectors.joining("; "));
        }
        return String.valueOf(value);
    }

    static {
        feeds();
        numerics();
        fetchesAndTargets();
        otherGraph();
        tensorsAndShapes();
        building();
        attributes();
        running();
        variables();
        lifecycle();
        files();
        arrayGradients();
        checkpoints();
        optimizers();
    }

    private static void variables() {
        row("variables", "a variable read before its initializer ran", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.zeros());
            return s.runner().fetch(w.output()).run();
        }),
                "UninitializedVariableException",
                "Node 'w' (op Variable; no inputs) failed: variable 'w' has no value in this session: run its initializer"
                        + " first (e.g. session.runner().addTarget(tf.initAllVariables()).run()) or restore a checkpoint");
        row("variables", "a variable with an unknown dimension", session((tf, s) ->
                tf.variable("w", DType.FLOAT64, Shape.of(-1, 3), Initializers.zeros())),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'w' (op Variable; no inputs): a variable's shape must be fully defined, not [-1, 3]");
        row("variables", "assign of a `[3]` value to a `[2, 3]` variable", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2, 3), Initializers.zeros());
            return tf.assign(w.output(), tf.constant(Tensor.vector(1.0, 2.0, 3.0)));
        }),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'Assign' (op Assign; inputs float64[2, 3], float64[3]): the value's shape [3] differs from"
                        + " the variable's shape [2, 3]");
        row("variables", "assignAdd of a FLOAT32 value to a FLOAT64 variable", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.zeros());
            return tf.assignAdd(w.output(), tf.constant(1f));
        }),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'AssignAdd' (op AssignAdd; inputs float64[], float32[]): the value's dtype float32 differs"
                        + " from the variable's float64");
        row("variables", "assign to a constant instead of a variable", session((tf, s) -> {
            Output c = tf.withName("c").constant(1.0);
            return tf.assign(c, tf.constant(2.0));
        }),
                "GraphBuildException",
                "Cannot add Assign: its first input must be a variable's output, but 'c:0' is the output of a Const node");
        row("variables", "a fed value of the wrong shape assigned at run time", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.zeros());
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1));
            tf.withName("set").assign(w.output(), x);
            return s.runner().feed("x", Tensor.vector(1.0, 2.0, 3.0)).addTarget("set").run();
        }),
                "KernelException (cause: IllegalArgumentException)",
                "Node 'set' (op Assign; inputs float64[2], float64[3]) failed: variable 'w' is float64[2] but the value is"
                        + " float64[3]");
        row("variables", "restore of a misspelt variable name", session((tf, s) -> {
            tf.variable("weights", DType.FLOAT64, Shape.of(2), Initializers.zeros());
            s.restoreVariables(Map.of("weight", Tensor.vector(1.0, 2.0)));
            return s.variableValues();
        }),
                "UnknownNameException",
                "Cannot restore variables: the graph has no variable named 'weight'. Did you mean 'weights'?; nothing was"
                        + " changed");
        row("variables", "restore of a value of the wrong shape", session((tf, s) -> {
            tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.zeros());
            s.restoreVariables(Map.of("w", Tensor.vector(1.0, 2.0, 3.0)));
            return s.variableValues();
        }),
                "FlowgraphException",
                "Cannot restore variables: variable 'w' is float64[2] but the value given is float64[3]; nothing was"
                        + " changed");
    }

    private static void feeds() {
        row("feed", "FLOAT32 tensor fed to a FLOAT64 placeholder `x[2]`", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.of(2));
            return s.runner().feed("x", Tensor.vector(1f, 2f));
        }),
                "InvalidRunException",
                "Cannot feed float32[2] to 'x:0' (op Placeholder), which expects float64[2]: dtypes differ (cast before feeding)");
        row("feed", "INT32 tensor fed to an INT64 placeholder (no silent widening)", session((tf, s) -> {
            tf.placeholder("x", DType.INT64, Shape.scalar());
            return s.runner().feed("x", Tensor.scalar(1));
        }),
                "InvalidRunException",
                "Cannot feed int32[] to 'x:0' (op Placeholder), which expects int64[]: dtypes differ (cast before feeding)");
        row("feed", "wrong rank: `[3]` fed to a placeholder `[-1, 3]`", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
            return s.runner().feed("x", Tensor.vector(1.0, 2.0, 3.0));
        }),
                "InvalidRunException",
                "Cannot feed float64[3] to 'x:0' (op Placeholder), which expects float64[-1, 3]: shapes differ where [-1, 3] is known");
        row("feed", "wrong known dimension: `[2, 4]` fed to a placeholder `[-1, 3]`", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
            return s.runner().feed("x", Tensor.zeros(DType.FLOAT64, Shape.of(2, 4)));
        }),
                "InvalidRunException",
                "Cannot feed float64[2, 4] to 'x:0' (op Placeholder), which expects float64[-1, 3]: shapes differ where [-1, 3] is known");
        row("feed", "scalar fed to a placeholder `[1]`", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.of(1));
            return s.runner().feed("x", Tensor.scalar(1.0));
        }),
                "InvalidRunException",
                "Cannot feed float64[] to 'x:0' (op Placeholder), which expects float64[1]: shapes differ where [1] is known");
        row("feed", "the same placeholder fed twice", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.scalar());
            return s.runner().feed("x", Tensor.scalar(1.0)).feed("x", Tensor.scalar(2.0));
        }),
                "InvalidRunException",
                "'x:0' is fed twice in one run");
        row("feed", "the same output fed as `x` and as `x:0`", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.scalar());
            return s.runner().feed("x", Tensor.scalar(1.0)).feed("x:0", Tensor.scalar(2.0));
        }),
                "InvalidRunException",
                "'x:0' is fed twice in one run");
        row("feed", "feed of an unknown name (near an existing one)", session((tf, s) -> {
            tf.placeholder("input", DType.FLOAT64, Shape.scalar());
            return s.runner().feed("inptu", Tensor.scalar(1.0));
        }),
                "InvalidRunException",
                "Cannot feed 'inptu'. The graph has no node named 'inptu'. Did you mean 'input'?");
        row("feed", "feed of a null tensor", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.scalar());
            return s.runner().feed("x", null);
        }),
                "NullPointerException",
                "the value fed to 'x:0' is null");
        row("feed", "missing feed: a fetch needs placeholder `x`", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1));
            tf.withName("y").neg(x);
            return s.runner().fetch("y").run();
        }),
                "InvalidRunException",
                "Placeholder 'x' (float64[-1]) must be fed: fetch y:0 needs it. Feed it with runner.feed(\"x\", tensor)");
        row("feed", "missing feed: a target needs placeholder `x`", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.scalar());
            tf.withName("y").neg(x);
            return s.runner().addTarget("y").run();
        }),
                "InvalidRunException",
                "Placeholder 'x' (float64[]) must be fed: target y needs it. Feed it with runner.feed(\"x\", tensor)");
        row("feed", "missing feed: the unfed placeholder itself is fetched", session((tf, s) -> {
            tf.placeholder("x", DType.INT32, Shape.of(2));
            return s.runner().fetch("x").run();
        }),
                "InvalidRunException",
                "Placeholder 'x' (int32[2]) must be fed: fetch x:0 needs it. Feed it with runner.feed(\"x\", tensor)");
        row("feed", "a fed intermediate of the wrong shape (`[2]` to a `[]` output)", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().feed("y", Tensor.vector(1.0, 2.0));
        }),
                "InvalidRunException",
                "Cannot feed float64[2] to 'y:0' (op Neg), which expects float64[]: shapes differ where [] is known");
    }

    private static void numerics() {
        row("numerics", "NaN in a feed, through `add`", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(2));
            tf.withName("y").add(x, tf.constant(1.0));
            return s.runner().feed("x", Tensor.vector(Double.NaN, 1.0)).fetch("y").run();
        }),
                "no error",
                "Tensor(float64 [2]) [NaN 2.0]");
        row("numerics", "`+Inf + -Inf` and `Inf * 0` (FLOAT32)", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(2));
            tf.withName("y").add(x, tf.constant(Tensor.vector(Float.NEGATIVE_INFINITY, 1f)));
            tf.withName("z").mul(x, tf.constant(Tensor.vector(0f, 0f)));
            return s.runner().feed("x", Tensor.vector(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY))
                    .fetch("y").fetch("z").run();
        }),
                "no error",
                "Tensor(float32 [2]) [NaN Infinity]; Tensor(float32 [2]) [NaN NaN]");
        row("numerics", "floating division by zero: `[1, -1, 0] / 0`", session((tf, s) -> {
            tf.withName("y").div(tf.constant(Tensor.vector(1.0, -1.0, 0.0)), tf.constant(0.0));
            return s.runner().fetch("y").run();
        }),
                "no error",
                "Tensor(float64 [3]) [Infinity -Infinity NaN]");
        row("numerics", "`log` of 0 and of a negative, `sqrt` of a negative", session((tf, s) -> {
            tf.withName("l").log(tf.constant(Tensor.vector(0.0, -1.0)));
            tf.withName("r").sqrt(tf.constant(-4.0));
            return s.runner().fetch("l").fetch("r").run();
        }),
                "no error",
                "Tensor(float64 [2]) [-Infinity NaN]; Tensor(float64 []) NaN");
        row("numerics", "NaN in `max` and `argMax`", session((tf, s) -> {
            Output x = tf.constant(Tensor.vector(1.0, Double.NaN, 3.0));
            tf.withName("m").max(x);
            tf.withName("i").argMax(x, 0);
            return s.runner().fetch("m").fetch("i").run();
        }),
                "no error",
                "Tensor(float64 []) NaN; Tensor(int64 []) 1");
        row("numerics", "NaN and infinities cast to INT32", session((tf, s) -> {
            tf.withName("y").cast(tf.constant(Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY, -1e300)), DType.INT32);
            return s.runner().fetch("y").run();
        }),
                "no error",
                "Tensor(int32 [3]) [0 2147483647 -2147483648]");
        row("numerics", "INT32 overflow: `2147483647 + 1`", session((tf, s) -> {
            tf.withName("y").add(tf.constant(Integer.MAX_VALUE), tf.constant(1));
            return s.runner().fetch("y").run();
        }),
                "no error",
                "Tensor(int32 []) -2147483648");
        row("numerics", "INT32 `MIN_VALUE / -1`", session((tf, s) -> {
            tf.withName("y").div(tf.constant(Integer.MIN_VALUE), tf.constant(-1));
            return s.runner().fetch("y").run();
        }),
                "no error",
                "Tensor(int32 []) -2147483648");
        row("numerics", "INT32 `pow(2, -1)` and `pow(0, -1)`", session((tf, s) -> {
            tf.withName("y").pow(tf.constant(Tensor.vector(2, 0)), tf.constant(-1));
            return s.runner().fetch("y").run();
        }),
                "KernelException (cause: ArithmeticException)",
                "Node 'y' (op Pow; inputs int32[2], int32[]) failed: integer power with the negative exponent -1; cast to a float dtype first");
        row("numerics", "softmax of a row holding `+Inf`", session((tf, s) -> {
            tf.withName("y").softmax(tf.constant(Tensor.vector(Double.POSITIVE_INFINITY, 0.0)));
            return s.runner().fetch("y").run();
        }),
                "no error",
                "Tensor(float64 [2]) [NaN NaN]");
        row("empty", "empty feed `[0, 3]` through `sum` over axis 0 and `matMul` by `[3, 2]`", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
            tf.withName("s").sum(x, new int[] {0}, false);
            tf.withName("m").matMul(x, tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 2))));
            return s.runner().feed("x", Tensor.zeros(DType.FLOAT64, Shape.of(0, 3))).fetch("s").fetch("m").run();
        }),
                "no error",
                "Tensor(float64 [3]) [0.0 0.0 0.0]; Tensor(float64 [0, 2])\n[]");
        row("empty", "`mean` of an empty vector", session((tf, s) -> {
            tf.withName("y").mean(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0))));
            return s.runner().fetch("y").run();
        }),
                "no error",
                "Tensor(float64 []) NaN");
        row("empty", "`max` of an empty vector", session((tf, s) -> {
            tf.withName("y").max(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0))));
            return s.runner().fetch("y").run();
        }),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'y' (op Max; inputs float64[0]): max of an empty axis (axis 0 of [0]) has no identity");
        row("empty", "`max` of an empty feed to a `[-1]` placeholder (known only at run time)", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1));
            tf.withName("y").max(x);
            return s.runner().feed("x", Tensor.zeros(DType.FLOAT64, Shape.of(0))).fetch("y").run();
        }),
                "KernelException (cause: IllegalArgumentException)",
                "Node 'y' (op Max; inputs float64[0]) failed: max of an empty axis has no identity (input shape [0])");
        row("empty", "`argMax` of an empty vector", session((tf, s) -> {
            tf.withName("y").argMax(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0))), 0);
            return s.runner().fetch("y").run();
        }),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'y' (op ArgMax; inputs float64[0]): ArgMax along an empty axis (axis 0 of [0]) has no answer");
    }

    private static void fetchesAndTargets() {
        row("fetch", "fetch of an unknown name (near existing ones)", session((tf, s) -> {
            tf.withName("loss").neg(tf.constant(1.0));
            tf.withName("logits").neg(tf.constant(1.0));
            return s.runner().fetch("los");
        }),
                "InvalidRunException",
                "Cannot fetch 'los'. The graph has no node named 'los'. Did you mean 'loss'?");
        row("fetch", "fetch of an unknown name (nothing near)", session((tf, s) -> {
            tf.withName("loss").neg(tf.constant(1.0));
            return s.runner().fetch("accuracy");
        }),
                "InvalidRunException",
                "Cannot fetch 'accuracy'. The graph has no node named 'accuracy'");
        row("fetch", "output index out of range: `y:3` of a one-output node", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().fetch("y:3");
        }),
                "InvalidRunException",
                "Cannot fetch 'y:3'. Node 'y' (op Neg; inputs float64[]) has 1 output; 'y:3' does not exist");
        row("fetch", "bad output address: `y:-1`", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().fetch("y:-1");
        }),
                "InvalidRunException",
                "Cannot fetch 'y:-1'. 'y:-1' is not an output address: write 'node:index' with a non-negative index, or just 'node' for 'node:0'");
        row("fetch", "bad output address: `y:01`", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().fetch("y:01");
        }),
                "InvalidRunException",
                "Cannot fetch 'y:01'. 'y:01' is not an output address: write 'node:index' with a non-negative index, or just 'node' for 'node:0'");
        row("fetch", "feed and fetch of the same name (the fed value comes back)", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().feed("y", Tensor.scalar(7.0)).fetch("y").run();
        }),
                "no error",
                "Tensor(float64 []) 7.0");
        row("fetch", "duplicate fetches of one output", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().fetch("y").fetch("y:0").run();
        }),
                "no error",
                "Tensor(float64 []) -1.0; Tensor(float64 []) -1.0");
        row("fetch", "a run with no fetches and no targets: nothing runs (shown: `result.size()`)", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().run().size();
        }),
                "no error",
                "0");
        row("fetch", "`Result.get` of a name that was not fetched", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            tf.withName("z").neg(tf.constant(1.0));
            return s.runner().fetch("y").run().get("z");
        }),
                "UnknownNameException",
                "'z' was not fetched by this run; fetched: [y:0]");
        row("fetch", "`Result.get(int)` past the last fetch", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            return s.runner().fetch("y").run().get(1);
        }),
                "IndexOutOfBoundsException",
                "fetch position 1 is out of range: this run fetched 1 value [y:0]");
        row("target", "target of an unknown node name", session((tf, s) -> {
            tf.withName("train").neg(tf.constant(1.0));
            return s.runner().addTarget("trian");
        }),
                "InvalidRunException",
                "Cannot target 'trian'. The graph has no node named 'trian'. Did you mean 'train'?");
        row("target", "a placeholder that is both fed and a target: nothing runs, no error (shown: `result.size()`)", session((tf, s) -> {
            tf.placeholder("x", DType.FLOAT64, Shape.scalar());
            return s.runner().feed("x", Tensor.scalar(1.0)).addTarget("x").run().size();
        }),
                "no error",
                "0");
        row("target", "a target `y` whose output is also fed 5.0: consumers read the fed value (shown: `z = -y`)", session((tf, s) -> {
            Output y = tf.withName("y").neg(tf.constant(1.0));
            tf.withName("z").neg(y);
            return s.runner().feed("y", Tensor.scalar(5.0)).addTarget("y").fetch("z").run();
        }),
                "no error",
                "Tensor(float64 []) -5.0");
    }

    private static void otherGraph() {
        row("other graph", "feed of an output of another graph", session((tf, s) -> {
            try (Graph other = new Graph()) {
                Output x = Ops.on(other).placeholder("x", DType.FLOAT64, Shape.scalar());
                return s.runner().feed(x, Tensor.scalar(1.0));
            }
        }),
                "InvalidRunException",
                "Cannot feed 'x:0': it belongs to another graph than the session's");
        row("other graph", "fetch of an output of another graph", session((tf, s) -> {
            try (Graph other = new Graph()) {
                Output y = Ops.on(other).withName("y").constant(1.0);
                return s.runner().fetch(y);
            }
        }),
                "InvalidRunException",
                "Cannot fetch 'y:0': it belongs to another graph than the session's");
        row("other graph", "target a node of another graph", session((tf, s) -> {
            try (Graph other = new Graph()) {
                Output y = Ops.on(other).withName("y").constant(1.0);
                return s.runner().addTarget(y.node());
            }
        }),
                "InvalidRunException",
                "Cannot target 'y' (op Const; no inputs): it belongs to another graph than the session's");
        row("other graph", "op input from another graph", session((tf, s) -> {
            try (Graph other = new Graph()) {
                Output y = Ops.on(other).withName("y").constant(1.0);
                return tf.withName("z").add(tf.constant(1.0), y);
            }
        }),
                "GraphBuildException",
                "Cannot add 'z' (op Add; inputs float64[], float64[]): input 1 (y:0) belongs to another graph");
        row("other graph", "control input from another graph (`addControlInput`)", session((tf, s) -> {
            try (Graph other = new Graph()) {
                Output y = Ops.on(other).withName("y").constant(1.0);
                Node z = tf.withName("z").constant(2.0).node();
                tf.graph().addControlInput(z, y.node());
                return z;
            }
        }),
                "GraphBuildException",
                "Cannot add control input 'y' to 'z': both nodes must belong to this graph");
        row("other graph", "`Result.get(Output)` of another graph's output", session((tf, s) -> {
            tf.withName("y").neg(tf.constant(1.0));
            try (Graph other = new Graph()) {
                Output y = Ops.on(other).withName("y").constant(1.0);
                return s.runner().fetch("y").run().get(y);
            }
        }),
                "UnknownNameException",
                "'y:0' belongs to another graph than this run's, so this run did not fetch it; fetched: [y:0]");
    }

    private static void tensorsAndShapes() {
        row("tensor", "`Shape.of(2, -2)`: a dimension below -1", () -> Shape.of(2, -2),
                "IllegalArgumentException",
                "dimension 1 of [2, -2] is -2; sizes are >= 0, or -1 for unknown");
        row("tensor", "`Tensor.zeros(FLOAT32, [65536, 65536])`: more elements than an int index allows",
                () -> Tensor.zeros(DType.FLOAT32, Shape.of(65536, 65536)),
                "IllegalArgumentException",
                "shape [65536, 65536] holds 4294967296 elements; a tensor holds at most 2147483639");
        row("tensor", "`Tensor.zeros(INT64, [2^40, 2^40])`: element count overflows a long",
                () -> Tensor.zeros(DType.INT64, Shape.of(1L << 40, 1L << 40)),
                "IllegalArgumentException",
                "shape [1099511627776, 1099511627776] holds more than 2^63 elements; a tensor holds at most 2147483639");
        row("tensor", "`Tensor.zeros` of a shape with an unknown dimension",
                () -> Tensor.zeros(DType.FLOAT64, Shape.of(-1, 2)),
                "IllegalArgumentException",
                "a tensor's shape must be fully defined, not [-1, 2]");
        row("tensor", "`Tensor.of(double[5], [2, 3])`: data and shape sizes differ",
                () -> Tensor.of(new double[5], Shape.of(2, 3)),
                "IllegalArgumentException",
                "shape [2, 3] needs 6 elements but 5 were given");
        row("tensor", "`Tensor.matrix` with ragged rows",
                () -> Tensor.matrix(new double[][] {{1, 2}, {3}}),
                "IllegalArgumentException",
                "row 1 has 1 elements but row 0 has 2");
        row("tensor", "`getFloat()` on a FLOAT64 tensor", () -> Tensor.scalar(1.0).getFloat(),
                "IllegalStateException",
                "cannot read a float64 tensor of shape [] as float");
        row("tensor", "`toDoubleArray()` on a BOOL tensor", () -> Tensor.vector(true, false).toDoubleArray(),
                "IllegalStateException",
                "cannot read a bool tensor of shape [2] as double");
        row("tensor", "`getLong()` on a FLOAT32 tensor", () -> Tensor.scalar(1f).getLong(),
                "IllegalStateException",
                "cannot read a float32 tensor of shape [] as long");
        row("tensor", "`getDouble(5)` on a tensor of shape `[3]`",
                () -> Tensor.vector(1.0, 2.0, 3.0).getDouble(5),
                "IndexOutOfBoundsException",
                "index [5] is out of bounds for shape [3] at dimension 0");
        row("tensor", "`getDouble(0)` on a `[2, 2]` tensor (too few coordinates)",
                () -> Tensor.zeros(DType.FLOAT64, Shape.of(2, 2)).getDouble(0),
                "IndexOutOfBoundsException",
                "index [0] has 1 coordinates but the tensor has rank 2 (shape [2, 2])");
        row("tensor", "`rank()` of an unknown-rank shape", () -> Shape.unknown().rank(),
                "IllegalStateException",
                "the rank of this shape is unknown");
    }

    private static void building() {
        row("build", "invalid node name `my node!`", session((tf, s) ->
                tf.withName("my node!").constant(1.0)),
                "GraphBuildException",
                "Cannot add 'my node!' (op Const; no inputs): 'my node!' is not a valid node name (letters, digits, '.', '_', '-', '/'-separated scopes; not starting with '_', '-' or '/')");
        row("build", "node name starting with `_`", session((tf, s) ->
                tf.withName("_hidden").constant(1.0)),
                "GraphBuildException",
                "Cannot add '_hidden' (op Const; no inputs): '_hidden' is not a valid node name (letters, digits, '.', '_', '-', '/'-separated scopes; not starting with '_', '-' or '/')");
        row("build", "empty scope segment `a//b`", session((tf, s) ->
                tf.withName("a//b").constant(1.0)),
                "GraphBuildException",
                "Cannot add 'a//b' (op Const; no inputs): 'a//b' is not a valid node name (letters, digits, '.', '_', '-', '/'-separated scopes; not starting with '_', '-' or '/')");
        row("build", "duplicate name", session((tf, s) -> {
            tf.withName("w").constant(1.0);
            return tf.withName("w").constant(2.0);
        }),
                "GraphBuildException",
                "Cannot add 'w' (op Const; no inputs): a node named 'w' already exists: 'w' (op Const; no inputs)");
        row("build", "scope with a trailing `/`", session((tf, s) -> tf.withScope("layer/")),
                "IllegalArgumentException",
                "scope 'layer/' must be non-empty and have no leading or trailing '/'");
        row("build", "unknown op type `MatMull`", session((tf, s) ->
                tf.node("MatMull", Attrs.empty())),
                "UnknownOpException",
                "Unknown op type 'MatMull'. Did you mean 'MatMul' or 'Mul'? (an op is registered by an OpProvider listed in META-INF/services/dev.flowgraph.spi.OpProvider)");
        row("build", "wrong arity: `Add` with one input", session((tf, s) ->
                tf.node("Add", Attrs.empty(), tf.constant(1.0))),
                "GraphBuildException",
                "Cannot add 'Add' (op Add; inputs float64[]): Add takes 2 inputs but 1 was given");
        row("build", "dtype mismatch: FLOAT32 + FLOAT64", session((tf, s) ->
                tf.withName("z").add(tf.constant(1f), tf.constant(1.0))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'z' (op Add; inputs float32[], float64[]): dtypes differ: float32 and float64; cast one operand");
        row("build", "BOOL arithmetic: `add(true, false)`", session((tf, s) ->
                tf.withName("z").add(tf.constant(true), tf.constant(false))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'z' (op Add; inputs bool[], bool[]): bool is not a numeric dtype");
        row("build", "`mean` of an INT32 tensor", session((tf, s) ->
                tf.withName("m").mean(tf.constant(Tensor.vector(1, 2)))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'm' (op Mean; inputs int32[2]): mean of int32 is not defined; cast to float32 or float64 first");
        row("build", "`matMul` inner dimensions differ: `[2, 3] x [2, 3]`", session((tf, s) ->
                tf.withName("m").matMul(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3))),
                        tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3))))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'm' (op MatMul; inputs float64[2, 3], float64[2, 3]): inner dimensions differ: a of shape [2, 3] has 3 columns but b of shape [2, 3] has 2 rows");
        row("build", "shapes not broadcastable: `[2, 3] + [4]`", session((tf, s) ->
                tf.withName("z").add(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3))),
                        tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(4))))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'z' (op Add; inputs float64[2, 3], float64[4]): shapes [2, 3] and [4] cannot be broadcast: dimension 3 does not match 4");
        row("build", "`where` with a non-BOOL condition", session((tf, s) ->
                tf.withName("w").where(tf.constant(1.0), tf.constant(1.0), tf.constant(2.0))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'w' (op Where; inputs float64[], float64[], float64[]): the condition is float64, not bool; compare first, e.g. notEqual(c, zero)");
        row("build", "`concat` of FLOAT64 and INT32", session((tf, s) ->
                tf.withName("c").concat(0, tf.constant(Tensor.vector(1.0)), tf.constant(Tensor.vector(1)))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'c' (op Concat; inputs float64[1], int32[1]): input 1 is int32 but input 0 is float64; all inputs need one dtype (cast first)");
        row("build", "reshape to a wrong size at build time: `[2, 3]` to `[4]`", session((tf, s) ->
                tf.withName("r").reshape(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3))), 4)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'r' (op Reshape; inputs float64[2, 3]): cannot reshape [2, 3] (6 elements) into shape [4] (4 elements)");
        row("build", "reshape with two `-1`", session((tf, s) ->
                tf.withName("r").reshape(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3))), -1, -1)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'r' (op Reshape; inputs float64[2, 3]): shape [-1, -1] has more than one -1; only one size can be inferred");
        row("build", "cycle through `addControlInput`", session((tf, s) -> {
            Output a = tf.withName("a").constant(1.0);
            Output b = tf.withName("b").neg(a);
            Output c = tf.withName("c").neg(b);
            tf.graph().addControlInput(a.node(), c.node());
            return a;
        }),
                "GraphBuildException",
                "Cannot add control input 'c' to 'a': it would close the cycle a -> b -> c -> a");
        row("build", "a node as its own control input", session((tf, s) -> {
            Output a = tf.withName("a").constant(1.0);
            tf.graph().addControlInput(a.node(), a.node());
            return a;
        }),
                "GraphBuildException",
                "Cannot add control input 'a' to 'a': it would close the cycle a -> a");
        row("build", "`graph.output` of an unknown name", session((tf, s) -> {
            tf.withName("weights").constant(1.0);
            return tf.graph().output("weight");
        }),
                "UnknownNameException",
                "The graph has no node named 'weight'. Did you mean 'weights'?");
    }

    private static void attributes() {
        Shape m23 = Shape.of(2, 3);
        row("attribute", "`sum` over axis 2 of a rank-2 tensor", session((tf, s) ->
                tf.withName("s").sum(tf.constant(Tensor.zeros(DType.FLOAT64, m23)), new int[] {2}, false)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 's' (op Sum; inputs float64[2, 3]): axis 2 is out of range for rank 2 (axes [2])");
        row("attribute", "`sum` over axis 0 twice", session((tf, s) ->
                tf.withName("s").sum(tf.constant(Tensor.zeros(DType.FLOAT64, m23)), new int[] {0, -2}, false)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 's' (op Sum; inputs float64[2, 3]): axis -2 is repeated in axes [0, -2]");
        row("attribute", "`softmax` over axis 3 of a rank-2 tensor", session((tf, s) ->
                tf.withName("s").softmax(tf.constant(Tensor.zeros(DType.FLOAT64, m23)), 3)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 's' (op Softmax; inputs float64[2, 3]): axis 3 is out of range for rank 2 (valid: -2 to 1)");
        row("attribute", "`concat` on axis -3 of rank-2 tensors", session((tf, s) -> {
            Output x = tf.constant(Tensor.zeros(DType.FLOAT64, m23));
            return tf.withName("c").concat(-3, x, x);
        }),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'c' (op Concat; inputs float64[2, 3], float64[2, 3]): axis -3 is out of range for rank 2 (valid: -2 to 1)");
        row("attribute", "`transpose` with `[0, 0]`, not a permutation", session((tf, s) ->
                tf.withName("t").transpose(tf.constant(Tensor.zeros(DType.FLOAT64, m23)), 0, 0)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 't' (op Transpose; inputs float64[2, 3]): perm [0, 0] repeats axis 0; it must be a permutation");
        row("attribute", "`slice` past the end: begin `[1]`, size `[3]` of `[3]`", session((tf, s) ->
                tf.withName("s").slice(tf.constant(Tensor.vector(1.0, 2.0, 3.0)), new long[] {1}, new long[] {3})),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 's' (op Slice; inputs float64[3]): the box begin [1] size [3] leaves the input on axis 0 of size 3");
        row("attribute", "`leakyRelu` with alpha NaN", session((tf, s) ->
                tf.withName("l").leakyRelu(tf.constant(1.0), Double.NaN)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'l' (op LeakyRelu; inputs float64[]): alpha must be finite, got NaN");
        row("attribute", "`leakyRelu` with alpha +Infinity", session((tf, s) ->
                tf.withName("l").leakyRelu(tf.constant(1.0), Double.POSITIVE_INFINITY)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'l' (op LeakyRelu; inputs float64[]): alpha must be finite, got Infinity");
        row("attribute", "`oneHot` with depth -1", session((tf, s) ->
                tf.withName("o").oneHot(tf.constant(Tensor.vector(0, 1)), -1)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'o' (op OneHot; inputs int32[2]): depth -1 is negative");
        row("attribute", "`range` with delta 0", session((tf, s) -> tf.withName("r").range(0, 10, 0)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'r' (op Range; no inputs): delta is 0; a range needs a non-zero step");
        row("attribute", "`range(0, 10, -1)`: delta points away from the limit, an empty range", session((tf, s) -> {
            tf.withName("r").range(0, 10, -1);
            return s.runner().fetch("r").run();
        }),
                "no error",
                "Tensor(int64 [0]) []");
        row("attribute", "`dropout` with rate 1", session((tf, s) ->
                tf.withName("d").dropout(tf.constant(Tensor.vector(1.0, 2.0)), 1.0, 42)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'd' (op Dropout; inputs float64[2]): rate 1.0 is not in [0, 1); it is the probability of dropping an element");
        row("attribute", "`dropout` with rate -0.1", session((tf, s) ->
                tf.withName("d").dropout(tf.constant(Tensor.vector(1.0, 2.0)), -0.1, 42)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'd' (op Dropout; inputs float64[2]): rate -0.1 is not in [0, 1); it is the probability of dropping an element");
        row("attribute", "`tile` with a negative multiple", session((tf, s) ->
                tf.withName("t").tile(tf.constant(Tensor.vector(1.0, 2.0)), -1)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 't' (op Tile; inputs float64[2]): multiples [-1] has a negative entry");
        row("attribute", "`fill` with a non-scalar value", session((tf, s) ->
                tf.withName("f").fill(Shape.of(2), Tensor.vector(1.0, 2.0))),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'f' (op Fill; no inputs): the fill value must be a scalar, not float64[2]");
        row("attribute", "`gather` on axis 1 of a vector", session((tf, s) ->
                tf.withName("g").gather(tf.constant(Tensor.vector(1.0, 2.0)), tf.constant(Tensor.vector(0)), 1)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'g' (op Gather; inputs float64[2], int32[1]): axis 1 is out of range for rank 1 (valid: -1 to 0)");
        row("attribute", "`gather` with FLOAT64 indices", session((tf, s) ->
                tf.withName("g").gather(tf.constant(Tensor.vector(1.0, 2.0)), tf.constant(Tensor.vector(0.0)), 0)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'g' (op Gather; inputs float64[2], float64[1]): gather indices must be int32 or int64, not float64; cast them first");
    }

    private static void running() {
        row("run", "reshape to a wrong size at run time: fed `[2, 3]` reshaped to `[4, -1]`", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
            tf.withName("r").reshape(x, 4, -1);
            return s.runner().feed("x", Tensor.zeros(DType.FLOAT64, Shape.of(2, 3))).fetch("r").run();
        }),
                "KernelException (cause: IllegalArgumentException)",
                "Node 'r' (op Reshape; inputs float64[2, 3]) failed: cannot reshape [2, 3] (6 elements) into shape [4, -1]: 6 is not a multiple of 4");
        row("run", "`gather` index out of range", session((tf, s) -> {
            Output i = tf.placeholder("i", DType.INT32, Shape.of(-1));
            tf.withName("g").gather(tf.constant(Tensor.vector(1.0, 2.0, 3.0)), i, 0);
            return s.runner().feed("i", Tensor.vector(0, 3)).fetch("g").run();
        }),
                "KernelException (cause: IndexOutOfBoundsException)",
                "Node 'g' (op Gather; inputs float64[3], int32[2]) failed: gather index 3 (element 1 of the indices) is out of range [0, 3) for axis 0 of params shape [3]");
        row("run", "`gather` with a negative index", session((tf, s) -> {
            Output i = tf.placeholder("i", DType.INT32, Shape.of(-1));
            tf.withName("g").gather(tf.constant(Tensor.vector(1.0, 2.0, 3.0)), i, 0);
            return s.runner().feed("i", Tensor.vector(-1)).fetch("g").run();
        }),
                "KernelException (cause: IndexOutOfBoundsException)",
                "Node 'g' (op Gather; inputs float64[3], int32[1]) failed: gather index -1 (element 0 of the indices) is out of range [0, 3) for axis 0 of params shape [3]");
        row("run", "integer division by zero (INT32)", session((tf, s) -> {
            Output d = tf.placeholder("d", DType.INT32, Shape.scalar());
            tf.withName("q").div(tf.constant(Tensor.vector(7, 8)), d);
            return s.runner().feed("d", Tensor.scalar(0)).fetch("q").run();
        }),
                "KernelException (cause: ArithmeticException)",
                "Node 'q' (op Div; inputs int32[2], int32[]) failed: integer division by zero");
        row("run", "integer mod by zero (INT64)", session((tf, s) -> {
            Output d = tf.placeholder("d", DType.INT64, Shape.scalar());
            tf.withName("r").mod(tf.constant(7L), d);
            return s.runner().feed("d", Tensor.scalar(0L)).fetch("r").run();
        }),
                "KernelException (cause: ArithmeticException)",
                "Node 'r' (op Mod; inputs int64[], int64[]) failed: integer modulo by zero");
        row("run", "`oneHot` index outside `[0, depth)`: an all-zero row", session((tf, s) -> {
            tf.withName("o").oneHot(tf.constant(Tensor.vector(-1, 3)), 3);
            return s.runner().fetch("o").run();
        }),
                "no error",
                "Tensor(float32 [2, 3])\n[[0.0 0.0 0.0]\n [0.0 0.0 0.0]]");
        row("run", "`sparseSoftmaxCrossEntropy` with a label out of range", session((tf, s) -> {
            Output logits = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
            tf.withName("loss").sparseSoftmaxCrossEntropy(logits, tf.constant(Tensor.vector(0, 2)));
            return s.runner().fetch("loss").run();
        }),
                "KernelException (cause: IllegalArgumentException)",
                "Node 'loss' (op SparseSoftmaxCrossEntropy; inputs float64[2, 2], int32[2]) failed: label 2 of example 1 is not a class index in [0, 2), C = 2");
        row("run", "a kernel that throws: the cause is kept", () -> {
            try (Graph g = new Graph(OpRegistry.global().with(List.of(new Boom())));
                    Session s = new Session(g, 2)) {
                Ops tf = Ops.on(g);
                tf.withName("b").node(Boom.TYPE, Attrs.empty(), tf.constant(Tensor.vector(1.0, 2.0)));
                return s.runner().fetch("b").run();
            }
        },
                "KernelException (cause: IllegalStateException)",
                "Node 'b' (op Boom; inputs float64[2]) failed: boom: the kernel gave up");
    }

    /** A version 1.0 {@code .npy} file with the given header dict and data. */
    private static byte[] npy(String dict, byte[] data) {
        // The 10-byte prefix and the header fill whole 64-byte blocks, as numpy.save lays them out.
        int length = (10 + dict.length() + 1 + 63) / 64 * 64 - 10;
        String header = dict + " ".repeat(length - dict.length() - 1) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) length, (byte) (length >> 8)});
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static Object readNpy(byte[] bytes) throws IOException {
        return Npy.read(new ByteArrayInputStream(bytes));
    }

    /** A saved graph whose graph.json is {@code json}. */
    private static Object loadJson(String json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(GraphIO.GRAPH_ENTRY));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return GraphIO.load(new ByteArrayInputStream(out.toByteArray()));
    }

    /** graph.json holding a placeholder {@code a} (FLOAT64 [2]) and then {@code more}. */
    private static String graphJson(String more) {
        return "{\"format\": \"flowgraph.graph\", \"version\": 1, \"nodes\": [{\"name\": \"a\", "
                + "\"op\": \"Placeholder\", \"inputs\": [], \"controlInputs\": [], \"attrs\": "
                + "{\"dtype\": {\"type\": \"dtype\", \"value\": \"float64\"}, "
                + "\"shape\": {\"type\": \"shape\", \"value\": [2]}}, "
                + "\"outputs\": [{\"dtype\": \"float64\", \"shape\": [2]}]}" + more + "]}";
    }

    /** graph.json's entry for a node {@code name} of op {@code op} reading {@code inputs}, shaped [2]. */
    private static String nodeJson(String name, String op, String inputs) {
        return ", {\"name\": \"" + name + "\", \"op\": \"" + op + "\", \"inputs\": [" + inputs + "], "
                + "\"controlInputs\": [], \"attrs\": {}, \"outputs\": [{\"dtype\": \"float64\", \"shape\": [2]}]}";
    }

    private static void files() {
        String f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
        row("files", "`.npy` bytes without NumPy's magic string", () -> readNpy("not numpy".getBytes(StandardCharsets.US_ASCII)),
                "TensorFormatException",
                "stream: not a .npy file: expected the magic string \\x93NUMPY, found not nu");
        row("files", "`.npy` of format version 4.0", () -> {
            byte[] bytes = npy(f4, new byte[8]);
            bytes[6] = 4;
            return readNpy(bytes);
        }, "TensorFormatException",
                "stream: unsupported .npy format version 4.0 (supported: 1.0, 2.0, 3.0)");
        row("files", "`.npy` of dtype `<f2` (float16)", () -> readNpy(npy(f4.replace("<f4", "<f2"), new byte[4])),
                "TensorFormatException",
                "stream: unsupported dtype '<f2' (supported: '<f4', '<f8', '<i4', '<i8', '|b1', and '>f4', '>f8', '>i4', '>i8')");
        row("files", "`.npy` in Fortran order", () -> readNpy(npy(f4.replace("False", "True"), new byte[8])),
                "TensorFormatException",
                "stream: the array is in Fortran order (fortran_order: True); only C order is supported: save numpy.ascontiguousarray(a) instead");
        row("files", "`.npy` header without `fortran_order`",
                () -> readNpy(npy("{'descr': '<f4', 'shape': (2,), }", new byte[8])), "TensorFormatException",
                "stream: malformed .npy header \"{'descr': '<f4', 'shape': (2,), }\": expected exactly the keys [descr, fortran_order, shape], found [descr, shape]");
        row("files", "`.npy` whose data is cut short", () -> readNpy(npy(f4, new byte[5])), "TensorFormatException",
                "stream: .npy data truncated: expected 8 bytes for float32[2], found 5");
        row("files", "`.npy` of shape (100000, 100000), more than a tensor holds",
                () -> readNpy(npy(f4.replace("(2,)", "(100000, 100000)"), new byte[0])), "TensorFormatException",
                "stream: shape (100000, 100000) has more than 2147483639 elements, the most a tensor holds");
        row("files", "`.npz` cut short", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npz.write(Map.of("w", Tensor.vector(1.0, 2.0)), out);
            byte[] whole = out.toByteArray();
            return Npz.read(new ByteArrayInputStream(java.util.Arrays.copyOf(whole, whole.length - 30)));
        }, "TensorFormatException",
                "stream: truncated zip file: its end-of-central-directory record is missing (240 bytes read)");
        row("files", "saved graph: a file that is not a zip",
                () -> GraphIO.load(new ByteArrayInputStream(graphJson("").getBytes(StandardCharsets.UTF_8))),
                "GraphFormatException",
                "stream: not a zip file (expected it to start with the bytes PK\\x03\\x04)");
        row("files", "saved graph: a zip without `graph.json`", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npz.write(Map.of("w", Tensor.vector(1.0, 2.0)), out);
            return GraphIO.load(new ByteArrayInputStream(out.toByteArray()));
        }, "GraphFormatException",
                "stream: no graph.json entry (found [w.npy]); is this a saved Flowgraph graph?");
        row("files", "saved graph: malformed JSON", () -> loadJson("{\"format\": \"flowgraph.graph\",\n\"nodes\": [}"),
                "GraphFormatException (cause: JsonParseException)",
                "stream: graph.json: malformed JSON at line 2, column 11: Unexpected close marker '}': expected ']' (for Array starting at line 2, column 10)");
        row("files", "saved graph: format version 2",
                () -> loadJson(graphJson("").replace("\"version\": 1", "\"version\": 2")), "GraphFormatException",
                "stream: graph.json: unsupported version 2 (this build reads version 1)");
        row("files", "saved graph: an unknown op type", () -> loadJson(graphJson(nodeJson("b", "Ad", "\"a:0\", \"a:0\""))),
                "GraphFormatException (cause: UnknownOpException)",
                "stream: graph.json node #1 'b' (op Ad): Unknown op type 'Ad'. Did you mean 'Add' or 'Pad'? (an op is registered by an OpProvider listed in META-INF/services/dev.flowgraph.spi.OpProvider)");
        row("files", "saved graph: an input naming no node", () -> loadJson(graphJson(nodeJson("b", "Add", "\"a:0\", \"aa:0\""))),
                "GraphFormatException",
                "stream: graph.json node #1 'b' (op Add): input 'aa:0': The graph has no node named 'aa'. Did you mean 'a'?");
        row("files", "saved graph: an input naming a later node (a forward reference or a cycle)",
                () -> loadJson(graphJson(nodeJson("b", "Add", "\"a:0\", \"c:0\"") + nodeJson("c", "Neg", "\"a:0\""))),
                "GraphFormatException",
                "stream: graph.json node #1 'b' (op Add): input 'c:0' refers to node #2 'c', which comes later in the file: every node must come after its inputs (the file has a forward reference or a cycle)");
        row("files", "saved graph: two nodes named `a`", () -> loadJson(graphJson(nodeJson("a", "Neg", "\"a:0\""))),
                "GraphFormatException",
                "stream: graph.json node #1 'a': duplicate name: node #0 is also named 'a'");
        row("files", "saved graph: a `Transpose` whose `perm` attribute is a string",
                () -> loadJson(graphJson(nodeJson("t", "Transpose", "\"a:0\"").replace("\"attrs\": {}",
                        "\"attrs\": {\"perm\": {\"type\": \"string\", \"value\": \"0\"}}"))),
                "GraphFormatException (cause: GraphBuildException)",
                "stream: graph.json node #1 't' (op Transpose): Cannot add 't' (op Transpose; inputs float64[2]): attribute 'perm' is a String, not a long[]");
        row("files", "saved graph: recorded output shape `[3]` where the shape rule infers `[2]`",
                () -> loadJson(graphJson(nodeJson("b", "Neg", "\"a:0\"").replace("[2]}]}", "[3]}]}"))),
                "GraphFormatException",
                "stream: graph.json node #1 'b' (op Neg): the file records outputs [float64[3]] but the op's shape rule infers [float64[2]] from the inputs [float64[2]]");
    }

    /** A scenario's session with a variable {@code weights} float64[2] holding [1, 2]. */
    private static Variable weights(Ops tf, Session s) {
        Variable w = tf.variable("weights", DType.FLOAT64, Shape.of(2), Initializers.zeros());
        s.restoreVariables(Map.of("weights", Tensor.vector(1.0, 2.0)));
        return w;
    }

    private static byte[] npzBytes(Map<String, Tensor> tensors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npz.write(tensors, out);
        return out.toByteArray();
    }

    /** Restores a checkpoint of {@code tensors} into the session and returns the variables after it. */
    private static Object restore(Session s, Map<String, Tensor> tensors) throws IOException {
        Checkpoint.restore(s, new ByteArrayInputStream(npzBytes(tensors)));
        return s.variableValues();
    }

    /**
     * A bundle of y = x + weights (signature "serve": input "x", output "y"), with the entry
     * {@code edited} replaced by {@code content} (or dropped when it is null), loaded from a stream.
     */
    private static Object loadEditedBundle(Ops tf, Session s, String edited, byte[] content) throws IOException {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(2));
        Output y = tf.withName("y").add(x, weights(tf, s).output());
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        ModelBundle.save(bundle, s, Signature.of("serve", Map.of("x", x), Map.of("y", y)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = e.getName().equals(edited) ? content : in.readAllBytes();
                if (bytes != null) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        }
        try (ModelBundle loaded = ModelBundle.load(new ByteArrayInputStream(out.toByteArray()))) {
            return loaded.signatures();
        }
    }

    private static void checkpoints() {
        row("checkpoints", "saving a checkpoint while a variable has no value", session((tf, s) -> {
            weights(tf, s);
            tf.variable("bias", DType.FLOAT64, Shape.of(2), Initializers.zeros());
            Checkpoint.save(s, new ByteArrayOutputStream());
            return s.variableValues();
        }),
                "CheckpointException",
                "Cannot save a checkpoint: 'bias' has no value in this session; run the initializers (e.g."
                        + " tf.initAllVariables()) or restore a checkpoint first; nothing was written");
        row("checkpoints", "restoring a checkpoint that lacks a variable", session((tf, s) -> {
            weights(tf, s);
            tf.variable("bias", DType.FLOAT64, Shape.of(2), Initializers.zeros());
            return restore(s, Map.of("weights", Tensor.vector(3.0, 4.0)));
        }),
                "CheckpointException",
                "stream: the checkpoint has no value for 'bias' (it holds 'weights'); Checkpoint.restorePartial leaves"
                        + " missing variables unchanged; nothing was changed");
        row("checkpoints", "restoring a checkpoint with an entry `weight` that is no variable", session((tf, s) -> {
            weights(tf, s);
            Map<String, Tensor> m = new LinkedHashMap<>();
            m.put("weights", Tensor.vector(3.0, 4.0));
            m.put("weight", Tensor.vector(3.0, 4.0));
            return restore(s, m);
        }),
                "CheckpointException (cause: UnknownNameException)",
                "stream: Cannot restore variables: the graph has no variable named 'weight'. Did you mean 'weights'?;"
                        + " nothing was changed");
        row("checkpoints", "restoring a `[3]` value into a `[2]` variable", session((tf, s) -> {
            weights(tf, s);
            return restore(s, Map.of("weights", Tensor.vector(3.0, 4.0, 5.0)));
        }),
                "CheckpointException (cause: FlowgraphException)",
                "stream: Cannot restore variables: variable 'weights' is float64[2] but the value given is float64[3];"
                        + " nothing was changed");
        row("checkpoints", "restoring a FLOAT32 value into a FLOAT64 variable", session((tf, s) -> {
            weights(tf, s);
            return restore(s, Map.of("weights", Tensor.vector(3f, 4f)));
        }),
                "CheckpointException (cause: FlowgraphException)",
                "stream: Cannot restore variables: variable 'weights' is float64[2] but the value given is float32[2];"
                        + " nothing was changed");
        row("checkpoints", "restoring a truncated checkpoint", session((tf, s) -> {
            weights(tf, s);
            byte[] whole = npzBytes(Map.of("weights", Tensor.vector(3.0, 4.0)));
            Checkpoint.restore(s, new ByteArrayInputStream(java.util.Arrays.copyOf(whole, whole.length - 30)));
            return s.variableValues();
        }),
                "TensorFormatException",
                "stream: truncated zip file: its end-of-central-directory record is missing (252 bytes read)");
        row("checkpoints", "model bundle saved with a signature input that is not a placeholder", session((tf, s) -> {
            Variable w = weights(tf, s);
            ModelBundle.save(new ByteArrayOutputStream(), s, Signature.of("serve", Map.of("x", w.output()),
                    Map.of("y", w.output())));
            return null;
        }),
                "FlowgraphException",
                "Cannot save the model bundle: signature 'serve' input 'x': 'weights:0' is the output of a Variable"
                        + " node, not of a placeholder");
        row("checkpoints", "model bundle of format version 2", session((tf, s) -> loadEditedBundle(tf, s,
                "manifest.json", "{\"format\": \"flowgraph.bundle\", \"version\": 2}".getBytes(StandardCharsets.UTF_8))),
                "GraphFormatException",
                "stream: manifest.json: unsupported version 2 (this build reads version 1)");
        row("checkpoints", "model bundle without `variables.npz`", session((tf, s) ->
                loadEditedBundle(tf, s, "variables.npz", null)),
                "GraphFormatException",
                "stream: no variables.npz entry (found [manifest.json, graph.json, signatures.json])");
        row("checkpoints", "model bundle whose signature names an unknown node `yy`", session((tf, s) ->
                loadEditedBundle(tf, s, "signatures.json",
                        "{\"serve\": {\"inputs\": {\"x\": \"x:0\"}, \"outputs\": {\"y\": \"yy:0\"}}}"
                                .getBytes(StandardCharsets.UTF_8))),
                "GraphFormatException",
                "stream: signatures.json: signature 'serve' output 'y': The graph has no node named 'yy'. Did you mean"
                        + " 'y'?");
        row("checkpoints", "model bundle whose variables do not fit the graph", session((tf, s) ->
                loadEditedBundle(tf, s, "variables.npz", npzBytes(Map.of("weights", Tensor.vector(1L, 2L))))),
                "GraphFormatException (cause: CheckpointException)",
                "stream entry 'variables.npz': Cannot restore variables: variable 'weights' is float64[2] but the value"
                        + " given is int64[2]; nothing was changed");
        row("checkpoints", "model bundle run without a signature's input", session((tf, s) -> {
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelBundle.save(out, s, Signature.of("serve", Map.of("x", x), Map.of("y", tf.withName("y").neg(x))));
            try (ModelBundle b = ModelBundle.load(new ByteArrayInputStream(out.toByteArray()))) {
                return b.run("serve", Map.of());
            }
        }),
                "InvalidRunException",
                "Signature 'serve' needs the input 'x', which was not given (its inputs: [x])");
    }

    private static void lifecycle() {
        row("lifecycle", "`Session(graph, 0)`", () -> {
            try (Graph g = new Graph()) {
                return new Session(g, 0);
            }
        },
                "IllegalArgumentException",
                "a session needs at least 1 thread, not 0");
        row("lifecycle", "`runner()` on a closed session", () -> {
            try (Graph g = new Graph()) {
                Session s = new Session(g, 1);
                s.close();
                return s.runner();
            }
        },
                "SessionClosedException",
                "The session is closed");
        row("lifecycle", "`run()` of a runner made before its session closed", () -> {
            try (Graph g = new Graph()) {
                Ops.on(g).withName("y").constant(1.0);
                Session s = new Session(g, 1);
                Runner r = s.runner().fetch("y");
                s.close();
                return r.run();
            }
        },
                "SessionClosedException",
                "The session is closed");
        row("lifecycle", "a node added to a closed graph", () -> {
            Graph g = new Graph();
            g.close();
            return Ops.on(g).constant(1.0);
        },
                "GraphBuildException",
                "Cannot add a Const node: the graph is closed");
        row("lifecycle", "a session opened on a closed graph", () -> {
            Graph g = new Graph();
            g.close();
            return new Session(g, 1);
        },
                "FlowgraphException",
                "Cannot open a session: the graph is closed");
        row("lifecycle", "a run after the session's graph closed", () -> {
            Graph g = new Graph();
            Ops.on(g).withName("y").constant(1.0);
            try (Session s = new Session(g, 1)) {
                Runner r = s.runner().fetch("y");
                g.close();
                return r.run();
            }
        },
                "InvalidRunException",
                "Cannot run: the session's graph has been closed");
    }

    /**
     * The ops added for gradients (pad, scatterAdd, reshapeLike), and gradients that the static
     * shapes do not determine.
     */
    private static void arrayGradients() {
        row("build", "`pad` with a negative width", session((tf, s) ->
                tf.withName("p").pad(tf.constant(Tensor.vector(1.0, 2.0)), new long[] {-1}, new long[] {0})),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'p' (op Pad; inputs float64[2]): before [-1] and after [0] need widths >= 0; axis 0 has a negative one");
        row("build", "`scatterAdd` updates not of gather's output shape", session((tf, s) ->
                tf.withName("s").scatterAdd(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 2))),
                        tf.constant(Tensor.vector(0, 1)), tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 2))), 0)),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 's' (op ScatterAdd; inputs float64[3, 2], int32[2], float64[3, 2]): updates have shape [3, 2] but like [3, 2] and indices [2] need [2, 2] (gather's output shape)");
        row("run", "`scatterAdd` index out of range", session((tf, s) -> {
            Output i = tf.placeholder("i", DType.INT32, Shape.of(-1));
            tf.withName("s").scatterAdd(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3))), i,
                    tf.constant(Tensor.vector(1.0, 2.0)), 0);
            return s.runner().feed("i", Tensor.vector(0, 3)).fetch("s").run();
        }),
                "KernelException (cause: IndexOutOfBoundsException)",
                "Node 's' (op ScatterAdd; inputs float64[3], int32[2], float64[2]) failed: scatterAdd index 3 (element 1 of the indices) is out of range [0, 3) for axis 0 of shape [3]");
        row("run", "`reshapeLike` to a shape of another size, known only at run time", session((tf, s) -> {
            Output like = tf.placeholder("like", DType.FLOAT64, Shape.of(-1));
            tf.withName("r").reshapeLike(tf.constant(Tensor.vector(1.0, 2.0, 3.0)), like);
            return s.runner().feed("like", Tensor.vector(1.0, 2.0)).fetch("r").run();
        }),
                "KernelException (cause: IllegalArgumentException)",
                "Node 'r' (op ReshapeLike; inputs float64[3], float64[2]) failed: cannot reshape [3] (3 elements) like [2] (2 elements)");
        row("gradients", "gradient of `concat` where an input before the last has an unknown size along the axis",
                session((tf, s) -> {
                    Output u = tf.placeholder("u", DType.FLOAT64, Shape.of(-1, 2));
                    Output joined = tf.withName("j").concat(0, u, u);
                    return Gradients.of(tf.sum(joined), List.of(u));
                }),
                "GraphBuildException",
                "cannot differentiate node 'j' (op Concat): input 0 ([-1, 2]) has an unknown size along axis 0, so where the inputs after it start is unknown");
        row("gradients", "gradient of `sparseSoftmaxCrossEntropy` with an unknown number of classes",
                session((tf, s) -> {
                    Output z = tf.placeholder("z", DType.FLOAT64, Shape.of(2, -1));
                    Output loss = tf.withName("xent").sparseSoftmaxCrossEntropy(z, tf.constant(Tensor.vector(0, 1)));
                    return Gradients.of(loss, List.of(z));
                }),
                "GraphBuildException",
                "cannot differentiate node 'xent' (op SparseSoftmaxCrossEntropy): logits of shape [2, -1]; the gradient needs the number of classes, the last dimension");
    }

    /** Optimizers given a loss or variables they cannot train, or mismatched gradients. */
    private static void optimizers() {
        row("optimizers", "`minimize` of a loss that is not a scalar", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.ones());
            return new Adam().minimize(tf.withName("loss").square(w.output()));
        }),
                "GraphBuildException",
                "cannot minimize 'loss' (float64[2]): the loss must be a FLOAT32 or FLOAT64 scalar; reduce it with tf.sum or tf.mean first");
        row("optimizers", "`minimize` of a loss that depends on no float variable", session((tf, s) ->
                new Adam().minimize(tf.withName("loss").square(tf.placeholder("x", DType.FLOAT64, Shape.scalar())))),
                "GraphBuildException",
                "cannot minimize 'loss': it depends on no FLOAT32 or FLOAT64 variable, so there is nothing to train");
        row("optimizers", "`minimize` over an integer variable", session((tf, s) -> {
            Variable n = tf.variable("n", DType.INT32, Shape.scalar(), Initializers.ones());
            Output loss = tf.withName("loss").cast(n.output(), DType.FLOAT64);
            return new GradientDescent(0.1).minimize(loss, List.of(n.output()));
        }),
                "GraphBuildException",
                "cannot train the variable 'n' (int32[]): optimizers update FLOAT32 and FLOAT64 variables only");
        row("optimizers", "`minimize` over a variable the loss does not depend on", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            Variable other = tf.variable("other", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            return new GradientDescent(0.1).minimize(tf.withName("loss").square(w.output()), List.of(other.output()));
        }),
                "GraphBuildException",
                "cannot minimize 'loss' over the variable 'other': the loss does not depend on it");
        row("optimizers", "`minimize` over an output that is not a variable", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            Output loss = tf.withName("loss").square(w.output());
            return new GradientDescent(0.1).minimize(loss, List.of(loss));
        }),
                "GraphBuildException",
                "'loss' is the output of a Square node, not a variable; optimizers update variables (Variable.output())");
        row("optimizers", "`applyGradients` with a gradient of another shape", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(3), Initializers.ones());
            Output g = tf.placeholder("g", DType.FLOAT64, Shape.of(2));
            return new GradientDescent(0.1).applyGradients(List.of(new GradientAndVariable(g, w.output())));
        }),
                "GraphBuildException",
                "the gradient 'g:0' is float64[2] but the variable 'w' is float64[3]; they must have the same dtype and shape");
        row("optimizers", "`applyGradients` with one variable twice", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(3), Initializers.ones());
            Output g = tf.placeholder("g", DType.FLOAT64, Shape.of(3));
            return new GradientDescent(0.1).applyGradients(
                    List.of(new GradientAndVariable(g, w.output()), new GradientAndVariable(g, w.output())));
        }),
                "GraphBuildException",
                "the variable 'w' appears twice in GradientDescent.applyGradients; sum its gradients first");
        row("optimizers", "fused `applyAdam` with a slot of another shape", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.ones());
            Variable m = tf.variable("m", DType.FLOAT64, Shape.of(3), Initializers.zeros());
            return tf.withName("adam").applyAdam(w.output(), m.output(), m.output(), tf.constant(0.1),
                    tf.constant(Tensor.vector(1.0, 1.0)), 0.9, 0.999, 1e-8);
        }),
                "GraphBuildException (cause: IllegalArgumentException)",
                "Cannot add 'adam' (op ApplyAdam; inputs float64[2], float64[3], float64[3], float64[], float64[2]): input 1,"
                        + " a slot, is float64[3] but the variable is float64[2]; slots have the variable's dtype and shape");
        row("optimizers", "fused `applyMomentum` with a constant as the accumulator", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.ones());
            Output a = tf.withName("a").constant(Tensor.vector(0.0, 0.0));
            return tf.applyMomentum(w.output(), a, tf.constant(0.1), tf.constant(Tensor.vector(1.0, 1.0)), 0.9, false);
        }),
                "GraphBuildException",
                "Cannot add ApplyMomentum: its input 1 must be a variable's output, but 'a:0' is the output of a Const node");
        row("optimizers", "fused `applyGradientDescent` fed a gradient of another shape at run time", session((tf, s) -> {
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.ones());
            Output g = tf.placeholder("g", DType.FLOAT64, Shape.of(-1));
            tf.withName("update").applyGradientDescent(w.output(), tf.constant(0.1), g);
            s.runner().addTarget(w.initializer()).run();
            return s.runner().feed("g", Tensor.vector(1.0, 2.0, 3.0)).addTarget("update").run();
        }),
                "KernelException (cause: IllegalArgumentException)",
                "Node 'update' (op ApplyGradientDescent; inputs float64[2], float64[], float64[3]) failed: the gradient's"
                        + " shape [3] differs from the variable's shape [2]");
    }

    /** A test op whose kernel always throws, to show that the kernel's exception is the cause. */
    static final class Boom implements OpDef {
        static final String TYPE = "Boom";

        @Override public String type() {
            return TYPE;
        }

        @Override public int arity() {
            return 1;
        }

        @Override public List<OutputSpec> infer(NodeSpec node) {
            return List.of(node.inputs().get(0));
        }

        @Override public void compute(KernelContext k) {
            throw new IllegalStateException("boom: the kernel gave up");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRowBehavesAsTheTableSays() {
        // @Timeout does not reach dynamic tests, so each row bounds itself: a hang fails, not blocks.
        return CATALOGUE.stream().map(r -> DynamicTest.dynamicTest(r.area() + ": " + r.input(), () -> {
            String[] actual = assertTimeoutPreemptively(ROW_TIMEOUT, () -> outcome(r.trigger()));
            assertEquals(r.type(), actual[0], "exception type");
            assertEquals(r.message(), actual[1], "message");
        }));
    }

    @Test
    void kernelFailureKeepsTheKernelsExceptionAndNamesTheNode() {
        try (Graph g = new Graph(OpRegistry.global().with(List.of(new Boom())));
                Session s = new Session(g, 2)) {
            Ops tf = Ops.on(g);
            tf.withName("b").node(Boom.TYPE, Attrs.empty(), tf.constant(Tensor.vector(1.0, 2.0)));
            KernelException e = assertThrows(KernelException.class, () -> s.runner().fetch("b").run());
            assertEquals("b", e.nodeName());
            assertEquals(Boom.TYPE, e.opType());
            assertEquals(IllegalStateException.class, e.getCause().getClass());
            assertEquals("boom: the kernel gave up", e.getCause().getMessage());
            // The session stays usable after the failure.
            tf.withName("ok").neg(tf.constant(1.0));
            assertEquals(-1.0, s.runner().fetch("ok").run().get(0).getDouble());
        }
    }

    @Test
    void catalogueHasAtLeastFiftyRows() {
        assertTrue(CATALOGUE.size() >= 50, "rows: " + CATALOGUE.size());
    }

    @Test
    void docsErrorsMdIsUpToDate() throws IOException {
        String generated = render();
        if (Boolean.getBoolean("regenerateErrorCatalogue")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(PAGE), PAGE + " is missing; regenerate it (see ErrorCatalogueTest's javadoc)");
        assertEquals(generated, Files.readString(PAGE, StandardCharsets.UTF_8),
                "docs/errors.md differs from ErrorCatalogueTest's catalogue; regenerate it (see its javadoc)");
    }

    /** Prints the actual outcomes as Java literals, for filling in new rows. */
    @Test
    void printActualOutcomes() {
        if (!Boolean.getBoolean("printErrorCatalogue")) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Row r : CATALOGUE) {
            String[] a = outcome(r.trigger());
            sb.append("@@ ").append(literal(a[0])).append(", ").append(literal(a[1])).append('\n');
        }
        System.out.print(sb);
    }

    private static String literal(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** The page: one table per area, in catalogue order. */
    static String render() {
        Map<String, List<Row>> areas = new LinkedHashMap<>();
        for (Row r : CATALOGUE) {
            areas.computeIfAbsent(r.area(), a -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder()
                .append("# Bad inputs and what they produce\n\n")
                .append("Generated from the catalogue in `ErrorCatalogueTest` (engine-ops); do not edit by hand.\n")
                .append("Each row is one bad input, tried by a test that checks the exception type and the message\n")
                .append("exactly as shown. `Type (cause: C)` means the exception carries a cause of class `C`.\n")
                .append("Rows marked \"no error\" are inputs that are not errors, with the value the run returns:\n")
                .append("floating-point ops compute IEEE 754 results (NaN and infinities pass through), integer\n")
                .append("arithmetic wraps as Java's does, and empty tensors flow through ops like any other.\n\n")
                .append("All graph and run errors are `FlowgraphException`s: `GraphBuildException` (and its\n")
                .append("`UnknownOpException`) when a node is added, `InvalidRunException` before a run starts,\n")
                .append("`KernelException` when a node fails while running, `SessionClosedException`, and\n")
                .append("`UnknownNameException` for names the graph or a result does not hold; files that\n")
                .append("cannot be read give `TensorFormatException` (`.npy`, `.npz`) or `GraphFormatException`\n")
                .append("(saved graphs and model bundles), a checkpoint that does not fit its session gives\n")
                .append("`CheckpointException`, while failures of the file system stay `IOException`s. Plain-Java\n")
                .append("argument errors (`Shape.of(-2)`, tensor factories, typed reads) throw the JDK's\n")
                .append("`IllegalArgumentException`, `IllegalStateException`, `IndexOutOfBoundsException` or\n")
                .append("`NullPointerException`.\n")
                .append("\n").append(CATALOGUE.size()).append(" rows.\n");
        areas.forEach((area, rows) -> {
            sb.append("\n## ").append(area).append("\n\n| bad input | exception | message (or result) |\n|---|---|---|\n");
            for (Row r : rows) {
                sb.append("| ").append(cell(r.input())).append(" | `").append(r.type()).append("` | ")
                        .append(code(r.message())).append(" |\n");
            }
        });
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", "<br>");
    }

    /** A message as inline code; backticks inside it would end the span, so those use a longer fence. */
    private static String code(String s) {
        String fence = s.contains("`") ? "`` " : "`";
        String end = s.contains("`") ? " ``" : "`";
        return fence + cell(s) + end;
    }
}
