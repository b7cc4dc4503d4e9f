/**
 * The user-facing op library: {@link dev.flowgraph.ops.Ops}, the facade with one method per op,
 * and the helpers that op families share. The op definitions themselves live, package-private,
 * in {@code math}, {@code linalg} and {@code array}; their hot loops live in {@code kernels}.
 */
package dev.flowgraph.ops;
