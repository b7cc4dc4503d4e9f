/**
 * What an op implements and what it is given. An op is an {@link dev.flowgraph.spi.OpDef} (a
 * shape rule run when a node is added, and a kernel run by sessions), registered by an
 * {@link dev.flowgraph.spi.OpProvider} found through {@link java.util.ServiceLoader}. Shape rules
 * see a {@link dev.flowgraph.spi.NodeSpec} and return {@link dev.flowgraph.spi.OutputSpec}s;
 * kernels see a {@link dev.flowgraph.spi.KernelContext} and reach tensor arrays through
 * {@link dev.flowgraph.spi.TensorBuffers}.
 */
package dev.flowgraph.spi;
