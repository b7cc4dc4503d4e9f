/**
 * Ops that move or relabel data without arithmetic: {@code Identity}, registered by
 * {@link dev.flowgraph.ops.array.ArrayOps}. Users reach it through
 * {@link dev.flowgraph.ops.Ops#identity}.
 */
package dev.flowgraph.ops.array;
