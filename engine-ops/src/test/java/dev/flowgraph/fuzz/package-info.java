/**
 * Trust tests of the executor: a deliberately simple sequential reference interpreter, a seeded
 * random graph generator with shrinking, and the differential, concurrency and memory tests that
 * compare sessions against the interpreter. See {@code docs/testing.md}.
 */
package dev.flowgraph.fuzz;
