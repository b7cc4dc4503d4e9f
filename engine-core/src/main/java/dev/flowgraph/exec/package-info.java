/**
 * Internal: how a session runs a graph. {@link dev.flowgraph.exec.Plan} compiles a run signature
 * (feeds, fetches, targets) into flat arrays once; {@link dev.flowgraph.exec.Execution} runs a
 * plan with dataflow scheduling over the session's threads, a {@link dev.flowgraph.exec.SessionPool}. Not for use outside
 * engine-core; the types are public only because {@link dev.flowgraph.Session} lives in another
 * package.
 */
package dev.flowgraph.exec;
