package dev.flowgraph.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Tests of {@link Attrs}: supported types, typed reads, copies and value semantics. */
class AttrsTest {

    private static <T extends Throwable> T assertThrowsWithMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p),
                    "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    private static Attrs all() {
        return Attrs.builder()
                .put("flag", true)
                .put("count", 3L)
                .put("axis", -1)
                .put("rate", 0.5)
                .put("mode", "same")
                .put("perm", new long[] {1, 0})
                .put("dtype", DType.FLOAT32)
                .put("shape", Shape.of(-1, 3))
                .put("value", Tensor.vector(1.0, 2.0))
                .build();
    }

    // ---------------------------------------------------------------- building and reading

    @Test
    void everySupportedTypeRoundTrips() {
        Attrs a = all();
        assertTrue(a.getBoolean("flag"));
        assertEquals(3L, a.getLong("count"));
        assertEquals(-1L, a.getLong("axis"));
        assertEquals(0.5, a.getDouble("rate"));
        assertEquals("same", a.getString("mode"));
        assertArrayEquals(new long[] {1, 0}, a.getLongArray("perm"));
        assertEquals(DType.FLOAT32, a.getDType("dtype"));
        assertEquals(Shape.of(-1, 3), a.getShape("shape"));
        assertEquals(Tensor.vector(1.0, 2.0), a.getTensor("value"));
    }

    @Test
    void integerIsWidenedToLong() {
        Attrs a = Attrs.of("axis", 7);
        assertInstanceOf(Long.class, a.asMap().get("axis"));
        assertEquals(7L, a.getLong("axis"));
        assertEquals(Attrs.of("axis", 7L), a);
    }

    @Test
    void intArrayIsWidenedToLongArray() {
        Attrs a = Attrs.of("perm", new int[] {2, 0, 1});
        assertInstanceOf(long[].class, a.asMap().get("perm"));
        assertArrayEquals(new long[] {2, 0, 1}, a.getLongArray("perm"));
        assertEquals(Attrs.of("perm", new long[] {2, 0, 1}), a);
    }

    @Test
    void unsupportedTypesAreRefusedNamingTheAttributeAndType() {
        assertThrowsWithMessage(IllegalArgumentException.class, () -> Attrs.of("x", 1.5f),
                "'x'", "java.lang.Float");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> Attrs.of("x", (short) 1),
                "'x'", "java.lang.Short");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> Attrs.of("x", List.of(1L)), "'x'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> Attrs.of("x", new double[] {1}), "'x'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> Attrs.of("x", new Object()),
                "unsupported type");
    }

    @Test
    void nullsAreRefused() {
        assertThrowsWithMessage(NullPointerException.class, () -> Attrs.of("x", null), "'x'");
        assertThrows(NullPointerException.class, () -> Attrs.of(null, 1L));
    }

    @Test
    void duplicateNameIsRefused() {
        Attrs.Builder b = Attrs.builder().put("x", 1L);
        assertThrowsWithMessage(IllegalArgumentException.class, () -> b.put("x", 2L), "'x'", "twice");
        // The refused put changed nothing.
        assertEquals(1L, b.build().getLong("x"));
    }

    @Test
    void refusedValueDoesNotUseUpTheName() {
        Attrs.Builder b = Attrs.builder();
        assertThrows(IllegalArgumentException.class, () -> b.put("rate", 0.5f));
        b.put("rate", 0.5);
        assertEquals(0.5, b.build().getDouble("rate"));
    }

    @Test
    void missingAttributeIsRefusedNamingItAndThePresentOnes() {
        Attrs a = Attrs.builder().put("b", 1L).put("a", true).build();
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getLong("c"),
                "'c'", "missing", "[a, b]");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> Attrs.empty().getBoolean("flag"),
                "'flag'", "missing");
        assertThrows(IllegalArgumentException.class, () -> a.getDouble("c"));
        assertThrows(IllegalArgumentException.class, () -> a.getString("c"));
        assertThrows(IllegalArgumentException.class, () -> a.getLongArray("c"));
        assertThrows(IllegalArgumentException.class, () -> a.getDType("c"));
        assertThrows(IllegalArgumentException.class, () -> a.getShape("c"));
        assertThrows(IllegalArgumentException.class, () -> a.getTensor("c"));
    }

    @Test
    void wrongTypeIsRefusedNamingTheAttributeAndBothTypes() {
        Attrs a = all();
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getBoolean("count"),
                "'count'", "Long", "Boolean");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getLong("rate"), "'rate'", "Double", "Long");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getDouble("count"), "'count'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getString("dtype"), "'dtype'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getLongArray("count"), "'count'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getDType("mode"), "'mode'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getShape("perm"), "'perm'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getTensor("shape"), "'shape'");
    }

    @Test
    void defaultsApplyOnlyWhenAbsent() {
        Attrs a = all();
        assertTrue(a.getBoolean("flag", false));
        assertFalse(a.getBoolean("absent", false));
        assertTrue(a.getBoolean("absent", true));
        assertEquals(3L, a.getLong("count", 9));
        assertEquals(9L, a.getLong("absent", 9));
        // Present with the wrong type is still an error, not the default.
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getBoolean("count", true), "'count'");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> a.getLong("flag", 0), "'flag'");
    }

    @Test
    void hasAndNames() {
        Attrs a = Attrs.builder().put("z", 1L).put("a", 2L).put("m", 3L).build();
        assertTrue(a.has("a"));
        assertFalse(a.has("b"));
        assertEquals(List.of("a", "m", "z"), List.copyOf(a.names()));
    }

    @Test
    void emptyAttrs() {
        assertSame(Attrs.empty(), Attrs.builder().build());
        assertTrue(Attrs.empty().names().isEmpty());
        assertTrue(Attrs.empty().asMap().isEmpty());
        assertEquals("{}", Attrs.empty().toString());
    }

    // ---------------------------------------------------------------- copies

    @Test
    void longArrayIsCopiedOnTheWayIn() {
        long[] perm = {1, 0};
        Attrs a = Attrs.of("perm", perm);
        perm[0] = 99;
        assertArrayEquals(new long[] {1, 0}, a.getLongArray("perm"));
    }

    @Test
    void longArrayIsCopiedOnTheWayOut() {
        Attrs a = Attrs.of("perm", new long[] {1, 0});
        a.getLongArray("perm")[0] = 99;
        ((long[]) a.asMap().get("perm"))[1] = 99;
        assertArrayEquals(new long[] {1, 0}, a.getLongArray("perm"));
    }

    @Test
    void asMapIsSortedAndUnmodifiable() {
        Map<String, Object> m = all().asMap();
        assertEquals(List.of("axis", "count", "dtype", "flag", "mode", "perm", "rate", "shape", "value"),
                List.copyOf(m.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.put("x", 1L));
        assertThrows(UnsupportedOperationException.class, () -> all().names().add("x"));
    }

    @Test
    void builderIsReusableAfterBuild() {
        Attrs.Builder b = Attrs.builder().put("a", 1L);
        Attrs first = b.build();
        b.put("b", 2L);
        Attrs second = b.build();
        assertEquals(List.of("a"), List.copyOf(first.names()));
        assertEquals(List.of("a", "b"), List.copyOf(second.names()));
    }

    // ---------------------------------------------------------------- value semantics

    @Test
    void equalityIgnoresInsertionOrder() {
        Attrs a = Attrs.builder().put("x", 1L).put("y", "s").build();
        Attrs b = Attrs.builder().put("y", "s").put("x", 1L).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void equalityComparesLongArraysByContent() {
        Attrs a = Attrs.of("perm", new long[] {1, 0});
        Attrs b = Attrs.of("perm", new long[] {1, 0});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Attrs.of("perm", new long[] {0, 1}));
    }

    @Test
    void equalityComparesTensorsByValue() {
        Attrs a = Attrs.of("value", Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        Attrs b = Attrs.of("value", Tensor.of(new double[] {1, 2, 3, 4}, Shape.of(2, 2)));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Attrs.of("value", Tensor.of(new float[] {1, 2, 3, 4}, Shape.of(2, 2))));
        assertNotEquals(Attrs.of("value", Tensor.scalar(1.0)), Attrs.of("value", Tensor.scalar(1f)));
    }

    @Test
    void equalityComparesNamesTypesAndValues() {
        assertNotEquals(Attrs.of("x", 1L), Attrs.of("y", 1L));
        assertNotEquals(Attrs.of("x", 1L), Attrs.of("x", 1.0));
        assertNotEquals(Attrs.of("x", 1L), Attrs.of("x", 2L));
        assertNotEquals(Attrs.of("x", 1L), Attrs.empty());
        assertNotEquals(Attrs.of("x", 1L), Attrs.builder().put("x", 1L).put("y", 1L).build());
        assertEquals(Attrs.of("s", Shape.of(2, 3)), Attrs.of("s", Shape.of(2, 3)));
        assertEquals(Attrs.of("d", DType.INT64), Attrs.of("d", DType.INT64));
        assertFalse(Attrs.empty().equals(null));
        assertFalse(Attrs.empty().equals(Map.of()));
    }

    @Test
    void toStringListsSortedEntriesWithTensorsSummarised() {
        assertEquals("{axis=-1, count=3, dtype=float32, flag=true, mode=same, perm=[1, 0], rate=0.5, "
                + "shape=[-1, 3], value=tensor float64[2]}", all().toString());
        assertEquals("{x=1}", Attrs.of("x", 1).toString());
    }
}
