package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A training progress bar, one line per epoch:
 * <pre>
 * epoch 2/5 [==============&gt;               ] 234/469  loss 0.4821  58.2 steps/s
 * </pre>
 * with the epoch, a bar, the step, the running loss (the mean of the epoch's losses so far) and
 * the throughput (steps per second since the epoch began). On a terminal the line is redrawn in
 * place with {@code '\r'}, at most every {@value #REDRAW_MILLIS} ms; in a log (a CI run, output
 * piped to a file) it is printed only at a quarter, half and three quarters of the epoch, so the
 * log stays readable. When the epoch is finished the last line, with the epoch's mean loss and
 * its duration, stays.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.onStandardOutput();
 * for (int epoch = 1; epoch <= 5; epoch++) {
 *     bar.startEpoch(epoch, 5, batches.steps());
 *     for (MiniBatches.Batch b : batches.epoch(epoch - 1)) {
 *         bar.step(session.runner()...fetch(loss).run().get(loss).getDouble());
 *     }
 *     bar.finishEpoch("test accuracy 85.2%");
 * }
 * }</pre>
 */
public final class ProgressBar {
    /** The number of characters between the bar's brackets. */
    public static final int WIDTH = 30;
    /** The least time between two redraws on a terminal, in milliseconds. */
    public static final long REDRAW_MILLIS = 100;
    private static final long REDRAW_NANOS = REDRAW_MILLIS * 1_000_000;
    private static final int CHECKPOINTS = 4;

    private final PrintStream out;
    private final boolean redraw;
    private final LongSupplier nanoTime;

    private int epoch;
    private int epochs;
    private int steps;
    private int step;
    private double lossSum;
    private long start;
    private long lastDraw;
    private int checkpoint;
    private int drawnLength;
    private boolean running;

    /**
     * Creates a bar.
     *
     * @param out where to print
     * @param redraw true to redraw one line with {@code '\r'} (a terminal), false to print whole
     *     lines at checkpoints (a log)
     * @param nanoTime the clock, in nanoseconds, as {@link System#nanoTime()}
     */
    public ProgressBar(PrintStream out, boolean redraw, LongSupplier nanoTime) {
        this.out = checkNotNull(out, "out");
        this.redraw = redraw;
        this.nanoTime = checkNotNull(nanoTime, "nanoTime");
    }

    /**
     * Returns a bar on standard output that redraws when the program runs on a terminal
     * ({@code System.console() != null}) and prints checkpoint lines otherwise.
     *
     * @return the bar
     */
    public static ProgressBar onStandardOutput() {
        return new ProgressBar(System.out, System.console() != null, System::nanoTime);
    }

    /**
     * Starts an epoch; on a terminal, draws the empty bar.
     *
     * @param epoch the epoch, counted from 1
     * @param epochs the number of epochs
     * @param steps the number of steps in this epoch
     * @throws IllegalArgumentException unless {@code 1 <= epoch <= epochs} and {@code steps >= 1}
     */
    public void startEpoch(int epoch, int epochs, int steps) {
        checkArgument(epoch >= 1 && epoch <= epochs, "epoch %s is not in 1..%s", epoch, epochs);
        checkArgument(steps >= 1, "an epoch needs at least 1 step, not %s", steps);
        this.epoch = epoch;
        this.epochs = epochs;
        this.steps = steps;
        this.step = 0;
        this.lossSum = 0;
        this.start = nanoTime.getAsLong();
        this.lastDraw = start;
        this.checkpoint = 1;
        this.drawnLength = 0;
        this.running = true;
        if (redraw) {
            draw(line());
        }
    }

    /**
     * Records one finished step and its loss, and shows it when it is time to.
     *
     * @param loss the step's loss
     * @throws IllegalStateException if no epoch is running or all its steps are done
     */
    public void step(double loss) {
        checkState(running, "startEpoch must be called before step");
        checkState(step < steps, "the epoch has only %s steps", steps);
        step++;
        lossSum += loss;
        long now = nanoTime.getAsLong();
        if (redraw) {
            if (now - lastDraw >= REDRAW_NANOS || step == steps) {
                lastDraw = now;
                draw(line());
            }
        } else if (step < steps && step >= checkpointStep(checkpoint)) {
            while (checkpoint < CHECKPOINTS && step >= checkpointStep(checkpoint)) {
                checkpoint++;
            }
            out.println(line());
        }
    }

    /**
     * Ends the epoch with its final line: the steps done, the epoch's mean loss, its throughput
     * and duration.
     *
     * @throws IllegalStateException if no epoch is running
     */
    public void finishEpoch() {
        finishEpoch("");
    }

    /**
     * Ends the epoch with its final line followed by a note, such as the test accuracy.
     *
     * @param note appended after two spaces; nothing is appended when it is empty
     * @throws IllegalStateException if no epoch is running
     */
    public void finishEpoch(String note) {
        checkState(running, "startEpoch must be called before finishEpoch");
        checkNotNull(note, "note");
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        String line = line() + String.format(Locale.ROOT, "  %.1f s", seconds) + (note.isEmpty() ? "" : "  " + note);
        if (redraw) {
            draw(line);
            out.println();
        } else {
            out.println(line);
        }
        running = false;
    }

    /**
     * Renders the current line, as it would be drawn now.
     *
     * @return e.g. {@code epoch 2/5 [=====>      ] 234/469  loss 0.4821  58.2 steps/s}
     * @throws IllegalStateException if no epoch has been started
     */
    public String line() {
        checkState(steps > 0, "startEpoch must be called before line");
        int filled = (int) ((long) step * WIDTH / steps);
        StringBuilder bar = new StringBuilder(WIDTH);
        bar.append("=".repeat(filled));
        if (filled < WIDTH && step > 0) {
            bar.append('>');
        }
        bar.append(" ".repeat(WIDTH - bar.length()));
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        String loss = step == 0 ? "-" : String.format(Locale.ROOT, "%.4f", lossSum / step);
        String rate = seconds <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", step / seconds);
        int digits = Integer.toString(steps).length();
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %" + digits + "d/%d  loss %s  %s steps/s",
                epoch, epochs, bar, step, steps, loss, rate);
    }

    /** The step at which checkpoint k of {@value #CHECKPOINTS} is reached: ceil(steps * k / 4). */
    private int checkpointStep(int k) {
        return (int) (((long) steps * k + CHECKPOINTS - 1) / CHECKPOINTS);
    }

    private void draw(String line) {
        // A shorter line must blank out the tail of the longer one it replaces.
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnLength = line.length();
    }
}
