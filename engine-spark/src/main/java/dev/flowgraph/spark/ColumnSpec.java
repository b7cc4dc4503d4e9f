package dev.flowgraph.spark;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How one Spark column holds one graph tensor, a row per batch entry: the tensor is
 * {@code [rows, rowShape...]}; a column of a rank-1 tensor holds a number per row, a column of a
 * higher-rank tensor an array per row with the row's values in row-major order.
 *
 * @param column the column's name, which is the signature's input or output name
 * @param address the graph output the column feeds or is fetched from, {@code "node:index"}
 * @param dtype the tensor's dtype
 * @param rowShape the shape of one row's slice (the tensor's shape without its first dimension)
 */
record ColumnSpec(String column, String address, DType dtype, long[] rowShape) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Describes an output of a graph as a column; its first dimension must be the batch.
     *
     * @throws SparkDataException if the output's rank is unknown or 0, or its row shape has an
     *     unknown dimension (a row of a column must have a fixed number of values)
     */
    static ColumnSpec of(String column, Output output) {
        Shape s = output.shape();
        if (!s.hasKnownRank() || s.rank() == 0) {
            throw new SparkDataException("Column '" + column + "' maps to '" + output.name() + "', which is "
                    + output.dtype() + s + ": a column needs a tensor whose first dimension is the rows");
        }
        long[] row = Arrays.copyOfRange(s.dims(), 1, s.rank());
        for (long d : row) {
            if (d < 0) {
                throw new SparkDataException("Column '" + column + "' maps to '" + output.name() + "', which is "
                        + output.dtype() + s + ": every dimension after the first must be known so that each row"
                        + " has a fixed number of values");
            }
        }
        return new ColumnSpec(column, output.name(), output.dtype(), row);
    }

    /** The number of values in one row. */
    int valuesPerRow() {
        long n = 1;
        for (long d : rowShape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** Whether a row holds one number rather than an array. */
    boolean scalarPerRow() {
        return rowShape.length == 0;
    }

    /** The Spark type of one row's value. */
    DataType sparkType() {
        DataType element = elementType(dtype);
        return scalarPerRow() ? element : DataTypes.createArrayType(element, false);
    }

    /** Describes this column for messages: {@code FLOAT32[-1, 784] (array<float> per row)}. */
    String describe() {
        long[] dims = new long[rowShape.length + 1];
        dims[0] = -1;
        System.arraycopy(rowShape, 0, dims, 1, rowShape.length);
        return dtype + Shape.of(dims).toString() + " (" + sparkType().simpleString() + " per row)";
    }

    /**
     * Checks that a schema has this column with the right type.
     *
     * @throws SparkDataException naming the column, the type it has and the type it needs
     */
    void checkIn(StructType schema, String what) {
        StructField field = Arrays.stream(schema.fields()).filter(f -> f.name().equals(column)).findFirst()
                .orElseThrow(() -> new SparkDataException(what + " needs the column '" + column + "' for '" + address
                        + "', " + describe() + ", but the data has only " + Arrays.toString(schema.fieldNames())));
        DataType have = field.dataType();
        DataType need = sparkType();
        boolean fits = scalarPerRow() ? have.equals(need)
                : have instanceof ArrayType a && a.elementType().equals(elementType(dtype));
        if (!fits) {
            throw new SparkDataException(what + ": column '" + column + "' is " + have.simpleString() + " but '"
                    + address + "' is " + describe() + "; cast the column first (nothing is converted silently)");
        }
    }

    /** The Spark type of one element of a tensor of this dtype. */
    static DataType elementType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataTypes.FloatType;
            case FLOAT64 -> DataTypes.DoubleType;
            case INT32 -> DataTypes.IntegerType;
            case INT64 -> DataTypes.LongType;
            case BOOL -> DataTypes.BooleanType;
        };
    }
}
