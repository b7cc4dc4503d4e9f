package dev.flowgraph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared shape rule of elementwise binary ops, on specs alone. */
class BroadcastTest {
    private static NodeSpec spec(OutputSpec... inputs) {
        return new NodeSpec("n", "Add", List.of(inputs), Attrs.empty());
    }

    private static OutputSpec in(DType dtype, long... dims) {
        return new OutputSpec(dtype, Shape.of(dims));
    }

    @Test
    void broadcastsShapesOfOneNumericDType() {
        assertEquals(in(DType.INT32, 2, 3), Broadcast.binary(spec(in(DType.INT32, 2, 1), in(DType.INT32, 3))));
        assertEquals(in(DType.FLOAT32, -1, 3), Broadcast.binary(spec(in(DType.FLOAT32, -1, 3), in(DType.FLOAT32, 3))));
        assertEquals(new OutputSpec(DType.FLOAT64, Shape.unknown()), Broadcast.binary(
                spec(new OutputSpec(DType.FLOAT64, Shape.unknown()), in(DType.FLOAT64, 3))));
    }

    @Test
    void saysWhatIsWrong() {
        assertEquals("dtypes differ: float32 and float64; cast one operand", assertThrows(IllegalArgumentException.class,
                () -> Broadcast.binary(spec(in(DType.FLOAT32), in(DType.FLOAT64)))).getMessage());
        assertEquals("bool is not a numeric dtype", assertThrows(IllegalArgumentException.class,
                () -> Broadcast.binary(spec(in(DType.BOOL), in(DType.BOOL)))).getMessage());
        assertEquals("shapes [2] and [3] cannot be broadcast: dimension 2 does not match 3",
                assertThrows(IllegalArgumentException.class,
                        () -> Broadcast.binary(spec(in(DType.INT64, 2), in(DType.INT64, 3)))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Broadcast.binary(spec(in(DType.INT64, 2))));
    }

    @Test
    void numericDTypeChecksEveryInput() {
        assertEquals(DType.INT64, Broadcast.numericDType(spec(in(DType.INT64), in(DType.INT64), in(DType.INT64))));
        assertThrows(IllegalArgumentException.class,
                () -> Broadcast.numericDType(spec(in(DType.INT64), in(DType.INT64), in(DType.INT32))));
        assertThrows(IllegalArgumentException.class, () -> Broadcast.numericDType(spec()));
    }
}
