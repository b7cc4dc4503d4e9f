package dev.flowgraph.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong(7_000_000_000L);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    @Test
    void aLogGetsALineAtEachQuarterAndAtTheEnd() {
        ProgressBar bar = new ProgressBar(out, false, nanos::get);
        bar.startEpoch(2, 5, 8);
        for (int loss = 1; loss <= 8; loss++) {
            advanceMillis(500);
            bar.step(loss);
        }
        bar.finishEpoch("test accuracy 90.0%");

        // Quarters of 8 steps: steps 2, 4, 6, each 0.5 s apart, so 2.0 steps/s throughout.
        // Step 2: mean loss (1 + 2) / 2 = 1.5, bar 2 * 30 / 8 = 7 '=' then '>'.
        // Step 4: (1 + 2 + 3 + 4) / 4 = 2.5, 15 '='. Step 6: 21 / 6 = 3.5, 22 '='.
        // End: 36 / 8 = 4.5, 30 '=', 4.0 s.
        assertEquals(""
                + "epoch 2/5 [=======>                      ] 2/8  loss 1.5000  2.0 steps/s\n"
                + "epoch 2/5 [===============>              ] 4/8  loss 2.5000  2.0 steps/s\n"
                + "epoch 2/5 [======================>       ] 6/8  loss 3.5000  2.0 steps/s\n"
                + "epoch 2/5 [==============================] 8/8  loss 4.5000  2.0 steps/s  4.0 s  test accuracy 90.0%\n",
                printed());
    }

    @Test
    void aShortEpochPrintsEachCheckpointStepOnce() {
        ProgressBar bar = new ProgressBar(out, false, nanos::get);
        bar.startEpoch(1, 1, 2);
        advanceMillis(1000);
        bar.step(0.25);
        advanceMillis(1000);
        bar.step(0.75);
        bar.finishEpoch();

        // Checkpoints of 2 steps: ceil(2/4) = 1, ceil(4/4) = 1, ceil(6/4) = 2 (the end): one line at step 1.
        assertEquals(""
                + "epoch 1/1 [===============>              ] 1/2  loss 0.2500  1.0 steps/s\n"
                + "epoch 1/1 [==============================] 2/2  loss 0.5000  1.0 steps/s  2.0 s\n",
                printed());
    }

    @Test
    void aTerminalRedrawsOneLineAtMostEveryHundredMilliseconds() {
        ProgressBar bar = new ProgressBar(out, true, nanos::get);
        bar.startEpoch(1, 3, 10);
        String empty = "\repoch 1/3 [                              ]  0/10  loss -  - steps/s";
        assertEquals(empty, printed());

        advanceMillis(50);
        bar.step(2.0);
        assertEquals(empty, printed(), "50 ms after the last draw: not redrawn");
        advanceMillis(50);
        bar.step(1.0);
        // 2 steps in 0.1 s: 20.0 steps/s; mean loss 1.5; bar 2 * 30 / 10 = 6 '='.
        String second = "\repoch 1/3 [======>                       ]  2/10  loss 1.5000  20.0 steps/s";
        assertEquals(empty + second, printed());

        // Step 3 after 0.9 s more: 3 / 1.0 s = 3.0 steps/s, a shorter line, so a blank covers the old tail.
        advanceMillis(900);
        bar.step(0.0);
        String third = "\repoch 1/3 [=========>                    ]  3/10  loss 1.0000  3.0 steps/s ";
        assertEquals(empty + second + third, printed());

        bar.finishEpoch();
        String last = "\repoch 1/3 [=========>                    ]  3/10  loss 1.0000  3.0 steps/s  1.0 s\n";
        assertEquals(empty + second + third + last, printed());
    }

    @Test
    void theLastStepIsAlwaysDrawn() {
        ProgressBar bar = new ProgressBar(out, true, nanos::get);
        bar.startEpoch(1, 1, 1);
        advanceMillis(10);
        bar.step(3.0);
        // 1 step in 0.01 s = 100.0 steps/s.
        assertEquals("\repoch 1/1 [                              ] 0/1  loss -  - steps/s"
                + "\repoch 1/1 [==============================] 1/1  loss 3.0000  100.0 steps/s", printed());
    }

    @Test
    void misuse() {
        ProgressBar bar = new ProgressBar(out, false, nanos::get);
        assertEquals("startEpoch must be called before step",
                assertThrows(IllegalStateException.class, () -> bar.step(1)).getMessage());
        assertEquals("startEpoch must be called before line",
                assertThrows(IllegalStateException.class, bar::line).getMessage());
        assertEquals("startEpoch must be called before finishEpoch",
                assertThrows(IllegalStateException.class, bar::finishEpoch).getMessage());
        assertEquals("epoch 6 is not in 1..5",
                assertThrows(IllegalArgumentException.class, () -> bar.startEpoch(6, 5, 10)).getMessage());
        assertEquals("an epoch needs at least 1 step, not 0",
                assertThrows(IllegalArgumentException.class, () -> bar.startEpoch(1, 5, 0)).getMessage());
        bar.startEpoch(1, 1, 1);
        bar.step(1);
        assertEquals("the epoch has only 1 steps",
                assertThrows(IllegalStateException.class, () -> bar.step(1)).getMessage());
    }
}
