/**
 * The node kinds engine-core defines itself: constants, placeholders and
 * variables, registered through
 * {@link dev.flowgraph.builtin.CoreOps}. Users create them through {@code Ops.constant},
 * {@code Ops.placeholder} and {@code Ops.variable}.
 */
package dev.flowgraph.builtin;
