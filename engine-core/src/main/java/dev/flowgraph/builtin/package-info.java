/**
 * The node kinds engine-core defines itself: constants and placeholders, registered through
 * {@link dev.flowgraph.builtin.CoreOps}. Users create them through {@code Ops.constant} and
 * {@code Ops.placeholder}.
 */
package dev.flowgraph.builtin;
