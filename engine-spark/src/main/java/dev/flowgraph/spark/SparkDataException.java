package dev.flowgraph.spark;

import dev.flowgraph.FlowgraphException;

/**
 * Data that does not fit a graph on Spark: a column that is missing or has the wrong type
 * (thrown on the driver before a job starts), or a row whose value does not fit (thrown in the
 * task, naming the partition, the row's index in it and the column).
 */
public class SparkDataException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what does not fit, naming the column, the dtypes and the shapes
     */
    public SparkDataException(String message) {
        super(message);
    }
}
