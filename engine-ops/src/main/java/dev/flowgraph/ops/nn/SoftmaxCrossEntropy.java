package dev.flowgraph.ops.nn;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.Widening;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.SoftmaxKernels;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * Softmax cross-entropy from logits and label distributions (one-hot or any probabilities):
 * {@code loss = -sum over the last axis of labels * logSoftmax(logits)}, as TensorFlow's
 * {@code softmax_cross_entropy_with_logits}. Logits {@code [..., C]} and labels of the same shape
 * and float dtype; the output, of that dtype, holds one loss per example, shape
 * {@code logits.shape[:-1]}. The log-softmax is the stable one, so logits such as 1000 and -1000
 * give finite losses.
 */
final class SoftmaxCrossEntropy implements OpDef, Differentiable {
    static final String TYPE = "SoftmaxCrossEntropy";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String summary() {
        return "softmaxCrossEntropy(logits, labels): -sum(labels * logSoftmax(logits), axis -1), one loss per"
                + " example, shape logits.shape[:-1]; labels of logits' shape and float dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = FloatKernels.floatDType(node, 2);
        Shape logits = node.inputShape(0);
        Shape labels = node.inputShape(1);
        if (!logits.isCompatibleWith(labels)) {
            throw new IllegalArgumentException("labels must have the logits' shape: logits " + logits + ", labels "
                    + labels);
        }
        Shape labelExamples = labels.hasKnownRank() && labels.rank() > 0 ? CrossEntropy.exampleShape(labels)
                : Shape.unknown();
        return List.of(new OutputSpec(dtype, CrossEntropy.examples(logits, labelExamples)));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor logits = k.input(0);
        Shape shape = CrossEntropy.exampleShape(logits.shape());
        CrossEntropy.checkRuntimeShapes(logits.shape(), logits.shape(), k.input(1).shape());
        int c = CrossEntropy.classes(logits.shape());
        double[] x = Widening.asDoubles(logits);
        double[] y = Widening.asDoubles(k.input(1));
        double[] out = new double[(int) shape.size()];
        k.parallelFor(out.length, KernelTuning.rowsPerBlock(c),
                (s, e) -> SoftmaxKernels.crossEntropy(x, y, out, c, s, e));
        k.setOutput(0, Widening.fromDoubles(out, logits.dtype(), shape));
    }

    /**
     * Per example, {@code loss = -sum y l} with {@code l = logSoftmax(x)}, so
     * {@code dx = dz (softmax(x) sum(y) - y)} (which is {@code softmax(x) - y} for labels summing
     * to 1) and {@code dy = -dz l}; dz is one value per example, broadcast over the class axis.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        Output dz = tf.expandDims(dOutputs.get(0), -1);
        Output dx = tf.mul(dz, tf.sub(tf.mul(tf.softmax(x, -1), tf.sum(y, new int[] {-1}, true)), y));
        Output dy = tf.neg(tf.mul(dz, tf.logSoftmax(x, -1)));
        return List.of(dx, dy);
    }
}
