package dev.flowgraph.ops.nn;

import dev.flowgraph.DType;
import dev.flowgraph.GraphBuildException;
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
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;

/**
 * Softmax cross-entropy from logits and class indices: {@code loss = -logSoftmax(logits)[label]}
 * per example, as TensorFlow's {@code sparse_softmax_cross_entropy_with_logits}. Logits
 * {@code [..., C]} of a float dtype, labels INT32 or INT64 of shape {@code logits.shape[:-1]}; the
 * output has the logits' dtype and the labels' shape. A label outside {@code [0, C)} fails the
 * run, naming the node, the label and C. Stable for logits such as 1000 and -1000.
 */
final class SparseSoftmaxCrossEntropy implements OpDef, Differentiable {
    static final String TYPE = "SparseSoftmaxCrossEntropy";

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
        return "sparseSoftmaxCrossEntropy(logits, labels): -logSoftmax(logits)[label] per example; int32/int64"
                + " labels of shape logits.shape[:-1] in [0, C), else the run fails";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = FloatKernels.floatDType(node, 1);
        DType labels = node.inputDType(1);
        if (labels != DType.INT32 && labels != DType.INT64) {
            throw new IllegalArgumentException("labels are " + labels + " but must be class indices, int32 or int64;"
                    + " for one-hot or probability labels use softmaxCrossEntropy");
        }
        return List.of(new OutputSpec(dtype, CrossEntropy.examples(node.inputShape(0), node.inputShape(1))));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor logits = k.input(0);
        Tensor labels = k.input(1);
        CrossEntropy.checkRuntimeShapes(logits.shape(), CrossEntropy.exampleShape(logits.shape()), labels.shape());
        int c = CrossEntropy.classes(logits.shape());
        double[] x = Widening.asDoubles(logits);
        long[] y = labels.dtype() == DType.INT64 ? TensorBuffers.longs(labels) : labels.toLongArray();
        double[] out = new double[y.length];
        k.parallelFor(out.length, KernelTuning.rowsPerBlock(c),
                (s, e) -> SoftmaxKernels.sparseCrossEntropy(x, y, out, c, s, e));
        k.setOutput(0, Widening.fromDoubles(out, logits.dtype(), labels.shape()));
    }

    /**
     * Per example, {@code loss = -l[label]} with {@code l = logSoftmax(x)}, so
     * {@code dx = dz (softmax(x) - oneHot(label))}; the one-hot encoding needs the class count
     * (the logits' last dimension) when the graph is built. Labels are indices: no gradient.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Shape s = x.shape();
        if (!s.hasKnownRank() || s.dim(s.rank() - 1) == Shape.UNKNOWN_DIM) {
            throw new GraphBuildException(String.format("cannot differentiate node '%s' (op %s): logits of shape %s;"
                    + " the gradient needs the number of classes, the last dimension", node.name(), TYPE, s));
        }
        Output oneHot = tf.oneHot(node.input(1), CrossEntropy.classes(s), x.dtype());
        Output dz = tf.expandDims(dOutputs.get(0), -1);
        return Arrays.asList(tf.mul(dz, tf.sub(tf.softmax(x, -1), oneHot)), null);
    }
}
