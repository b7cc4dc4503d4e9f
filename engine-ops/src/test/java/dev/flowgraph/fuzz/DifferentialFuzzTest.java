package dev.flowgraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential fuzzing of the executor: random graphs from {@link RandomGraphs} run in sessions
 * of 1, 2 and 8 threads must give results bit-identical ({@link Tensor#equals}) to the
 * {@link ReferenceInterpreter}'s, and a kernel error must be the same error in both.
 *
 * <p>CI runs {@value #DEFAULT_GRAPHS} seeds (about 7 s). A longer run, from another first seed:
 * <pre>
 * mvn -B -o -pl engine-ops -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=DifferentialFuzzTest -Dfuzz.graphs=100000 -Dfuzz.seed=1000000
 * </pre>
 * A failing seed is shrunk (fetches dropped, fed intermediates dropped, steps replaced by fed
 * placeholders while it still fails), and the report prints the shrunk case's one-line entry and
 * its graph; add the entry to {@link #REGRESSIONS} to keep it.
 */
class DifferentialFuzzTest {
    private static final int DEFAULT_GRAPHS = 1000;
    private static final int[] POOL_SIZES = {1, 2, 8};

    /**
     * Cases kept as regression tests, as printed by a failing run ({@link FuzzCase#describe()}).
     * No generated case has failed so far (seeds 1 to 1,000, 1,000,000 to 1,019,999 and
     * 2,000,000 to 2,099,999); the entries are hand-picked variations of two seeds with large
     * nodes (a 4x71x88 broadcast subtraction, 23,202- and 46,404-element int32 vectors): cut
     * steps, fed intermediates, and a fed intermediate that is also fetched. A left-out key keeps the seed's own choice.
     */
    static final List<String> REGRESSIONS = List.of(
            "seed=3",
            "seed=3 cut=8",
            "seed=21 fed=14,25 cut=30",
            "seed=21 fetch=14,18,2 fed=14",
            "seed=21 fetch=33,18 fed= cut=14,24");

    /** What went wrong in a case, or null when every session agreed with the interpreter. */
    static String check(FuzzCase c) {
        FuzzCase.Built b = c.build();
        try {
            List<Tensor> expected;
            RuntimeException expectedError = null;
            try {
                expected = ReferenceInterpreter.run(b.graph(), b.feeds(), b.fetches());
            } catch (RuntimeException e) {
                expected = null;
                expectedError = e;
            }
            for (int threads : POOL_SIZES) {
                try (Session s = new Session(b.graph(), threads)) {
                    // Twice: the second run reuses the cached plan with fresh per-run state.
                    for (int rep = 0; rep < 2; rep++) {
                        String problem = runOnce(s, b, expected, expectedError);
                        if (problem != null) {
                            return "pool size " + threads + ", run " + (rep + 1) + ": " + problem;
                        }
                    }
                }
            }
            return null;
        } finally {
            b.graph().close();
        }
    }

    private static String runOnce(Session s, FuzzCase.Built b, List<Tensor> expected, RuntimeException expectedError) {
        List<Tensor> actual;
        try {
            Runner r = s.runner();
            for (Map.Entry<Output, Tensor> f : b.feeds().entrySet()) {
                r.feed(f.getKey(), f.getValue());
            }
            b.fetches().forEach(r::fetch);
            actual = new ArrayList<>();
            for (Tensor t : r.run()) {
                actual.add(t);
            }
        } catch (KernelException e) {
            if (expectedError != null && e.getCause() != null && e.getCause().getClass() == expectedError.getClass()) {
                return null;
            }
            return "the session failed with " + e + (expectedError == null ? " but the interpreter did not"
                    : " but the interpreter failed with " + expectedError);
        } catch (RuntimeException e) {
            return "the session failed with " + e;
        }
        if (expectedError != null) {
            return "the interpreter failed with " + expectedError + " but the session did not";
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "fetch " + i + " (" + b.fetches().get(i).name() + ") differs: expected " + expected.get(i)
                        + " but got " + actual.get(i);
            }
        }
        return null;
    }

    /**
     * Shrinks a failing case greedily: drops fetches, then fed intermediates, then replaces steps
     * by fed placeholders, for as long as the case still fails, until nothing more can go.
     *
     * @param c the failing case
     * @param fails whether a smaller case still fails
     * @return the smallest failing case found
     */
    static FuzzCase shrink(FuzzCase c, Predicate<FuzzCase> fails) {
        FuzzCase best = c;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < best.fetches().size() && best.fetches().size() > 1; i++) {
                List<Integer> fetches = new ArrayList<>(best.fetches());
                fetches.remove(i);
                FuzzCase t = best.with(fetches, best.fed(), best.cuts());
                if (fails.test(t)) {
                    best = t;
                    progress = true;
                    i--;
                }
            }
            for (int f : new ArrayList<>(best.fed())) {
                TreeSet<Integer> fed = new TreeSet<>(best.fed());
                fed.remove(f);
                FuzzCase t = best.with(best.fetches(), fed, best.cuts());
                if (fails.test(t)) {
                    best = t;
                    progress = true;
                }
            }
            FuzzCase.Built built = best.build();
            built.graph().close();
            for (int i = best.steps().size() - 1; i >= 0; i--) {
                // Cutting a step the fetches no longer reach would change nothing.
                if (best.cuts().contains(i) || best.steps().get(i).source() || best.steps().get(i).inputs().length == 0
                        || !built.graph().hasNode("s" + i)) {
                    continue;
                }
                TreeSet<Integer> cuts = new TreeSet<>(best.cuts());
                cuts.add(i);
                TreeSet<Integer> fed = new TreeSet<>(best.fed());
                fed.remove(i);
                FuzzCase t = best.with(best.fetches(), fed, cuts);
                if (fails.test(t)) {
                    best = t;
                    progress = true;
                }
            }
        }
        return best;
    }

    private static void assertPasses(FuzzCase c) {
        String problem = check(c);
        if (problem != null) {
            FuzzCase small = shrink(c, t -> check(t) != null);
            FuzzCase.Built b = small.build();
            String listing = b.listing();
            b.graph().close();
            fail("Case " + c.describe() + " failed: " + problem + "\nShrunk to: " + small.describe() + "\n"
                    + "  (" + check(small) + ")\n" + listing);
        }
    }

    @Test
    void randomGraphsAgreeWithTheReferenceInterpreter() {
        int graphs = Integer.getInteger("fuzz.graphs", DEFAULT_GRAPHS);
        long first = Long.getLong("fuzz.seed", 1);
        // The bound grows with the requested count, so that a long run is not cut short.
        Duration bound = Duration.ofSeconds(120).plusMillis(100L * graphs);
        assertTimeoutPreemptively(bound, () -> {
            int largeNodes = 0;
            int fedCases = 0;
            for (long seed = first; seed < first + graphs; seed++) {
                FuzzCase c = RandomGraphs.generate(seed);
                largeNodes += (int) c.steps().stream().filter(s -> s.spec().shape().size() > 16_384).count();
                fedCases += c.fed().isEmpty() ? 0 : 1;
                assertPasses(c);
            }
            // The generator must keep producing what the property is about.
            assertTrue(largeNodes >= graphs / 10, "only " + largeNodes + " large nodes in " + graphs + " graphs");
            assertTrue(fedCases >= graphs / 10, "only " + fedCases + " cases with fed intermediates in " + graphs);
            System.out.printf("DifferentialFuzzTest: %d graphs from seed %d agree at pool sizes 1, 2 and 8 "
                    + "(%d large nodes, %d cases with fed intermediates)%n", graphs, first, largeNodes, fedCases);
        });
    }

    static Stream<String> regressions() {
        return REGRESSIONS.stream();
    }

    @ParameterizedTest
    @MethodSource("regressions")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void keptCasesStillPass(String entry) {
        assertPasses(FuzzCase.parse(entry));
    }

    @Test
    void shrinkingKeepsOnlyWhatTheFailureNeeds() {
        // A stand-in failure: "the built graph computes a MatMul". The smallest such case is one
        // fetched MatMul whose two inputs are cut to placeholders.
        Predicate<FuzzCase> hasMatMul = t -> {
            FuzzCase.Built b = t.build();
            try {
                return b.graph().nodes().stream().anyMatch(n -> n.opType().equals("MatMul"));
            } finally {
                b.graph().close();
            }
        };
        FuzzCase c = null;
        for (long seed = 1; c == null; seed++) {
            FuzzCase candidate = RandomGraphs.generate(seed);
            FuzzCase.Built b = candidate.build();
            long deep = b.graph().size();
            b.graph().close();
            if (hasMatMul.test(candidate) && deep >= 8) {
                c = candidate;
            }
        }
        FuzzCase small = shrink(c, hasMatMul);
        FuzzCase.Built b = small.build();
        try {
            assertEquals(1, small.fetches().size(), small.describe());
            List<String> ops = b.graph().nodes().stream().map(n -> n.opType()).sorted().collect(Collectors.toList());
            assertEquals(List.of("MatMul", "Placeholder", "Placeholder"), ops, b.listing());
            assertTrue(check(small) == null, "the shrunk case itself runs correctly");
        } finally {
            b.graph().close();
        }
    }

    @Test
    void aCaseRoundTripsThroughItsDescription() {
        FuzzCase c = RandomGraphs.generate(42).with(List.of(3, 1), new TreeSet<>(List.of(2)), new TreeSet<>(List.of(1)));
        FuzzCase back = FuzzCase.parse(c.describe());
        assertEquals(c.describe(), back.describe());
        assertEquals(c.steps().size(), back.steps().size());
        for (int i = 0; i < c.steps().size(); i++) {
            assertEquals(c.steps().get(i).label(), back.steps().get(i).label());
            assertEquals(c.steps().get(i).spec(), back.steps().get(i).spec());
        }
    }
}
