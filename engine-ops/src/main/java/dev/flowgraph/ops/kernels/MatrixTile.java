package dev.flowgraph.ops.kernels;

import com.google.common.math.IntMath;
import java.math.RoundingMode;

/**
 * Where one tile of a tiled matrix product lies: its batch, its first row and column within the
 * batch's C matrix, and its size. Each C matrix is cut into tiles of {@link
 * KernelTuning#MATMUL_TILE_ROWS} rows and {@link KernelTuning#MATMUL_TILE_COLUMNS} columns
 * (smaller at the bottom and right edges), numbered batch by batch, column strip by column strip,
 * and down each strip. Both tiled kernels, {@link TiledMatrixMultiply} and {@link
 * VectorMatrixMultiply}, cut C this way, so a product has the same tiles on either (see {@link
 * TiledMatrixMultiply#tileCount}).
 */
final class MatrixTile {
    final int batch;
    final int row;
    final int rows;
    final int column;
    final int columns;

    private MatrixTile(int batch, int row, int rows, int column, int columns) {
        this.batch = batch;
        this.row = row;
        this.rows = rows;
        this.column = column;
        this.columns = columns;
    }

    /**
     * Returns tile {@code t} of a stack of {@code m x n} C matrices.
     *
     * @param t the tile's number, below {@link TiledMatrixMultiply#tileCount}
     * @param m the number of rows of each C matrix
     * @param n the number of columns of each C matrix
     * @return the tile
     */
    static MatrixTile of(int t, int m, int n) {
        int down = IntMath.divide(m, KernelTuning.MATMUL_TILE_ROWS, RoundingMode.CEILING);
        int perBatch = down * IntMath.divide(n, KernelTuning.MATMUL_TILE_COLUMNS, RoundingMode.CEILING);
        int inBatch = t % perBatch;
        int row = inBatch % down * KernelTuning.MATMUL_TILE_ROWS;
        int column = inBatch / down * KernelTuning.MATMUL_TILE_COLUMNS;
        return new MatrixTile(t / perBatch, row, Math.min(KernelTuning.MATMUL_TILE_ROWS, m - row), column,
                Math.min(KernelTuning.MATMUL_TILE_COLUMNS, n - column));
    }
}
