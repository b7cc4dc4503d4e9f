package dev.flowgraph.ops.nn;

import dev.flowgraph.Shape;
import java.util.Arrays;

/** Shape helpers of the cross-entropy ops: logits {@code [..., C]} give one loss per example. */
final class CrossEntropy {
    private CrossEntropy() {}

    /**
     * Returns the shape of the examples, {@code logits.shape[:-1]}, refining unknown dimensions
     * from the labels' shape {@code labelsExamples} where it knows them.
     *
     * @param logits the logits' shape
     * @param labelsExamples the labels' example axes (for sparse labels, their whole shape)
     * @return the loss's shape
     * @throws IllegalArgumentException if logits is a scalar or the two disagree
     */
    static Shape examples(Shape logits, Shape labelsExamples) {
        if (logits.hasKnownRank() && logits.rank() == 0) {
            throw new IllegalArgumentException("logits is a scalar; it needs a class axis, shape [..., C]");
        }
        Shape fromLogits = logits.hasKnownRank() ? exampleShape(logits) : Shape.unknown();
        if (!fromLogits.isCompatibleWith(labelsExamples)) {
            throw new IllegalArgumentException("labels do not match logits: logits " + logits
                    + " has examples of shape " + fromLogits + " but labels give " + labelsExamples);
        }
        if (!fromLogits.hasKnownRank()) {
            return labelsExamples;
        }
        if (!labelsExamples.hasKnownRank()) {
            return fromLogits;
        }
        long[] d = fromLogits.dims();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] >= 0 ? d[i] : labelsExamples.dim(i);
        }
        return Shape.of(d);
    }

    /** Returns the number of classes, the last dimension of the logits' (known) shape. */
    static int classes(Shape logits) {
        return (int) logits.dim(logits.rank() - 1);
    }

    /** Returns a shape without its last axis: {@code shape[:-1]} of a known shape of rank 1 or more. */
    static Shape exampleShape(Shape s) {
        return Shape.of(Arrays.copyOf(s.dims(), s.rank() - 1));
    }

    /**
     * Checks at run time, where placeholders may have been fed any size, that the labels have
     * the shape the op needs.
     *
     * @throws IllegalArgumentException naming both shapes if they do not
     */
    static void checkRuntimeShapes(Shape logits, Shape expectedLabels, Shape labels) {
        if (!expectedLabels.equals(labels)) {
            throw new IllegalArgumentException("labels of shape " + labels + " do not match logits of shape " + logits
                    + "; labels must have shape " + expectedLabels);
        }
    }
}
