package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The loss curve of a training run, collected step by step and written as a PNG chart with
 * XChart (headless): the loss of every step, its running mean over the last
 * {@code max(1, stepsPerEpoch / 10)} steps, and a dashed vertical line at each epoch boundary.
 * Steps whose loss is not finite (a diverged run) are left out of the picture.
 *
 * <pre>{@code
 * LossChart chart = new LossChart(batches.steps());
 * // in the training loop, once per step:
 * chart.add(loss);
 * // after training:
 * chart.writePng(Path.of("mnist-loss.png"));
 * }</pre>
 */
public final class LossChart {
    /** The picture's width in pixels. */
    public static final int WIDTH = 800;
    /** The picture's height in pixels. */
    public static final int HEIGHT = 500;
    /** The colour of the per-step loss. */
    public static final Color STEP_COLOR = new Color(0xa6, 0xc8, 0xe6);
    /** The colour of the running mean. */
    public static final Color MEAN_COLOR = new Color(0x1f, 0x4e, 0x9a);

    private final int stepsPerEpoch;
    private double[] losses = new double[1024];
    private int count;

    /**
     * Creates an empty chart.
     *
     * @param stepsPerEpoch the number of steps in one epoch, where the boundary lines go
     * @throws IllegalArgumentException if {@code stepsPerEpoch < 1}
     */
    public LossChart(int stepsPerEpoch) {
        checkArgument(stepsPerEpoch >= 1, "stepsPerEpoch must be at least 1 but is %s", stepsPerEpoch);
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /**
     * Records the loss of the next step.
     *
     * @param loss the step's loss
     */
    public void add(double loss) {
        if (count == losses.length) {
            losses = Arrays.copyOf(losses, 2 * count);
        }
        losses[count++] = loss;
    }

    /**
     * Returns the losses recorded so far.
     *
     * @return one loss per step, in order (a copy)
     */
    public double[] losses() {
        return Arrays.copyOf(losses, count);
    }

    /**
     * Writes the chart as a PNG of {@value #WIDTH} × {@value #HEIGHT} pixels, creating missing
     * parent directories.
     *
     * @param file the PNG to write, replaced if it exists
     * @throws IOException if the file cannot be written
     * @throws IllegalStateException if no finite loss has been recorded
     */
    public void writePng(Path file) throws IOException {
        checkNotNull(file, "file");
        Pictures.headless();
        String title = count > stepsPerEpoch ? "Training loss (dashed lines: epoch boundaries)" : "Training loss";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("step").yAxisTitle("loss").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setAnnotationLineColor(Color.GRAY);
        styler.setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));

        int window = Math.max(1, stepsPerEpoch / 10);
        double[] mean = new double[count];
        double sum = 0;
        int finite = 0;
        for (int i = 0; i < count; i++) {
            // Non-finite losses stay out of the sum, or one NaN would blank the rest of the curve.
            if (Double.isFinite(losses[i])) {
                sum += losses[i];
                finite++;
            }
            if (i >= window && Double.isFinite(losses[i - window])) {
                sum -= losses[i - window];
                finite--;
            }
            mean[i] = finite == 0 ? Double.NaN : sum / finite;
        }
        series(chart, "loss per step", losses, STEP_COLOR, 1f);
        series(chart, "mean of the last " + window + " steps", mean, MEAN_COLOR, 2f);
        for (int boundary = stepsPerEpoch; boundary < count; boundary += stepsPerEpoch) {
            // Between the last step of one epoch and the first of the next (steps count from 1).
            chart.addAnnotation(new AnnotationLine(boundary + 0.5, true, false));
        }
        Pictures.writePng(BitmapEncoder.getBufferedImage(chart), file);
    }

    /** Adds the finite points of {@code y} as a line, x being the step (from 1). */
    private void series(XYChart chart, String name, double[] y, Color color, float width) {
        double[] xs = new double[count];
        double[] ys = new double[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(y[i])) {
                xs[n] = i + 1;
                ys[n++] = y[i];
            }
        }
        checkState(n > 0, "no finite loss to plot among the %s recorded", count);
        XYSeries series = chart.addSeries(name, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(width);
    }
}
