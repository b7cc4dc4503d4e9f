package dev.flowgraph.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Shape;
import dev.flowgraph.UnknownOpException;
import dev.flowgraph.builtin.Constant;
import dev.flowgraph.builtin.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests of {@link OpRegistry}: the global registry, extension with {@code with}, and lookups. */
class OpRegistryTest {
    /** A trivial op of any type, for registering. */
    private static final class FakeOp implements OpDef {
        private final String type;

        FakeOp(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public int arity() {
            return 0;
        }

        @Override
        public List<OutputSpec> infer(NodeSpec node) {
            return List.of(new OutputSpec(DType.FLOAT64, Shape.scalar()));
        }

        @Override
        public void compute(KernelContext k) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void globalHoldsTheBuiltins() {
        OpRegistry global = OpRegistry.global();
        assertTrue(global.types().contains("Const"));
        assertTrue(global.types().contains("Placeholder"));
        assertInstanceOf(Constant.class, global.lookup("Const"));
        assertInstanceOf(Placeholder.class, global.lookup("Placeholder"));
        assertEquals("Const", global.lookup("Const").type());
    }

    @Test
    void globalIsASingleton() {
        assertSame(OpRegistry.global(), OpRegistry.global());
    }

    @Test
    void withAddsOpsWithoutChangingTheOriginal() {
        OpRegistry global = OpRegistry.global();
        FakeOp a = new FakeOp("RegTestA");
        FakeOp b = new FakeOp("RegTestB");
        OpRegistry extended = global.with(List.of(a, b));
        assertNotSame(global, extended);
        assertSame(a, extended.lookup("RegTestA"));
        assertSame(b, extended.lookup("RegTestB"));
        assertInstanceOf(Constant.class, extended.lookup("Const"));
        assertFalse(global.types().contains("RegTestA"));
        assertTrue(global.find("RegTestA").isEmpty());
        assertEquals(global.types().size() + 2, extended.types().size());
    }

    @Test
    void withRefusesATypeAlreadyDefinedNamingBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpRegistry.global().with(List.of(new FakeOp("Const"))));
        assertTrue(e.getMessage().contains("'Const'"), e.getMessage());
        assertTrue(e.getMessage().contains(Constant.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(FakeOp.class.getName()), e.getMessage());
    }

    @Test
    void withRefusesTheSameTypeTwiceInOneCall() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpRegistry.global().with(List.of(new FakeOp("RegTestDup"), new FakeOp("RegTestDup"))));
        assertTrue(e.getMessage().contains("'RegTestDup'"), e.getMessage());
        assertTrue(e.getMessage().contains("defined twice"), e.getMessage());
    }

    @Test
    void withRefusesNullDefinitions() {
        List<OpDef> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> OpRegistry.global().with(withNull));
    }

    @Test
    void lookupOfAnUnknownTypeSuggests() {
        UnknownOpException e = assertThrows(UnknownOpException.class, () -> OpRegistry.global().lookup("Cnst"));
        assertInstanceOf(GraphBuildException.class, e);
        assertEquals("Cnst", e.opType());
        assertTrue(e.getMessage().contains("'Cnst'"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'Const'"), e.getMessage());
        UnknownOpException far = assertThrows(UnknownOpException.class,
                () -> OpRegistry.global().lookup("Convolution3DTranspose"));
        assertFalse(far.getMessage().contains("Did you mean"), far.getMessage());
        assertTrue(far.getMessage().contains("OpProvider"), far.getMessage());
    }

    @Test
    void lookupRefusesNull() {
        assertThrows(NullPointerException.class, () -> OpRegistry.global().lookup(null));
    }

    @Test
    void findIsTheOptionalLookup() {
        assertTrue(OpRegistry.global().find("Const").isPresent());
        assertTrue(OpRegistry.global().find("NoSuchOp").isEmpty());
    }

    @Test
    void typesAndDefsAreSorted() {
        OpRegistry r = OpRegistry.global().with(List.of(new FakeOp("RegTestZ"), new FakeOp("AARegTest"),
                new FakeOp("RegTestM")));
        List<String> types = List.copyOf(r.types());
        assertEquals(types.stream().sorted().collect(Collectors.toList()), types);
        assertEquals("AARegTest", types.get(0));
        assertEquals(types, r.defs().stream().map(OpDef::type).collect(Collectors.toList()));
        assertThrows(UnsupportedOperationException.class, () -> r.types().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> r.defs().clear());
    }
}
