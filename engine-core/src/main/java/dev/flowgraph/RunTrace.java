package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline of one traced run: for every node that ran, when it started and ended, on which
 * thread, and what it produced. Obtained from {@link Result#trace()} after a run whose runner
 * asked for it with {@link Runner#trace()}.
 *
 * <pre>{@code
 * Result r = session.runner().feed("x", x).fetch("loss").trace().run();
 * Files.writeString(Path.of("run.json"), r.trace().toChromeTraceJson());  // open in ui.perfetto.dev
 * System.out.println(r.trace().summary(5));
 * }</pre>
 *
 * <p>Times are {@link System#nanoTime()} nanoseconds counted from the run's start (the call to
 * {@link Runner#run()}). Immutable.
 */
public final class RunTrace {
    /**
     * One node's execution in a run.
     *
     * @param name the node's name
     * @param opType the node's op type
     * @param startNanos when its kernel started, in nanoseconds from the run's start
     * @param endNanos when its kernel ended, in nanoseconds from the run's start
     * @param thread the name of the thread that ran it
     * @param outputs the dtype and shape of each output, as {@code "float64[2, 3]"}
     * @param outputBytes the bytes of all its outputs together (dtype size times element count)
     * @param inputs the names of the nodes of this run it waited for (data and control inputs)
     */
    public record Span(String name, String opType, long startNanos, long endNanos, String thread,
            List<String> outputs, long outputBytes, List<String> inputs) {
        /**
         * Checks and copies the components.
         *
         * @throws IllegalArgumentException if {@code endNanos < startNanos}
         */
        public Span {
            checkNotNull(name, "name");
            checkNotNull(opType, "opType");
            checkNotNull(thread, "thread");
            checkArgument(endNanos >= startNanos, "node '%s' ends (%s ns) before it starts (%s ns)", name, endNanos,
                    startNanos);
            outputs = List.copyOf(outputs);
            inputs = List.copyOf(inputs);
        }

        /**
         * Returns how long the node ran.
         *
         * @return {@code endNanos - startNanos}
         */
        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    private final List<Span> spans;
    private final long wallNanos;

    private RunTrace(List<Span> spans, long wallNanos) {
        this.spans = spans;
        this.wallNanos = wallNanos;
    }

    /**
     * Makes a trace from its spans.
     *
     * @param spans one per node that ran, in any order; node names must be distinct
     * @param wallNanos how long the whole run took, in nanoseconds
     * @return the trace, its spans sorted by start time
     * @throws IllegalArgumentException if two spans have the same name or {@code wallNanos} is negative
     */
    public static RunTrace of(List<Span> spans, long wallNanos) {
        checkArgument(wallNanos >= 0, "a run's wall time cannot be negative: %s ns", wallNanos);
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::startNanos).thenComparing(Span::name));
        Map<String, Span> seen = new HashMap<>();
        for (Span s : sorted) {
            checkArgument(seen.put(s.name(), s) == null, "node '%s' appears twice in one trace", s.name());
        }
        return new RunTrace(List.copyOf(sorted), wallNanos);
    }

    /**
     * Returns the spans, by start time.
     *
     * @return one span per node that ran
     */
    public List<Span> spans() {
        return spans;
    }

    /**
     * Returns how long the run took, from the call to {@code run()} until its fetched values were ready.
     *
     * @return nanoseconds
     */
    public long wallNanos() {
        return wallNanos;
    }

    /**
     * Writes the trace in the Chrome trace event format, which ui.perfetto.dev and
     * chrome://tracing open: one complete event ({@code "ph":"X"}) per node, named after the node,
     * with its op type as category, its start and duration in microseconds, and its output
     * shapes and bytes as arguments; every thread gets a small id and a {@code thread_name}
     * metadata event, so each thread is a track.
     *
     * @return a JSON object with a {@code "traceEvents"} array
     */
    public String toChromeTraceJson() {
        Map<String, Integer> tids = threadIds();
        StringBuilder sb = new StringBuilder(128 + 200 * spans.size());
        sb.append("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[");
        boolean first = true;
        for (Map.Entry<String, Integer> t : tids.entrySet()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":").append(t.getValue())
                    .append(",\"args\":{\"name\":");
            quote(sb, t.getKey());
            sb.append("}}");
        }
        for (Span s : spans) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("{\"name\":");
            quote(sb, s.name());
            sb.append(",\"cat\":");
            quote(sb, s.opType());
            sb.append(",\"ph\":\"X\",\"ts\":").append(micros(s.startNanos()))
                    .append(",\"dur\":").append(micros(s.durationNanos()))
                    .append(",\"pid\":1,\"tid\":").append(tids.get(s.thread()))
                    .append(",\"args\":{\"op\":");
            quote(sb, s.opType());
            sb.append(",\"outputs\":[");
            for (int i = 0; i < s.outputs().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(sb, s.outputs().get(i));
            }
            sb.append("],\"bytes\":").append(s.outputBytes()).append("}}");
        }
        return sb.append("\n]}\n").toString();
    }

    /**
     * Describes where the run spent its time: the {@code topN} op types by total time (with
     * count, total and mean), the critical path (the chain of dependent nodes whose durations add
     * up to the most, with each node and the total), and each thread's busy time as a share of
     * the run's wall time.
     *
     * @param topN how many op types to list; at least 1
     * @return lines of text
     * @throws IllegalArgumentException if {@code topN < 1}
     */
    public String summary(int topN) {
        checkArgument(topN >= 1, "topN must be at least 1, not %s", topN);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Run of %d nodes, %s wall time%n", spans.size(), ms(wallNanos)));

        Map<String, long[]> byOp = new HashMap<>();
        for (Span s : spans) {
            long[] a = byOp.computeIfAbsent(s.opType(), k -> new long[2]);
            a[0]++;
            a[1] += s.durationNanos();
        }
        List<Map.Entry<String, long[]>> ops = new ArrayList<>(byOp.entrySet());
        ops.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[1])
                .thenComparing(Map.Entry::getKey));
        sb.append(String.format(Locale.ROOT, "Top %d op types by total time:%n", Math.min(topN, ops.size())));
        for (Map.Entry<String, long[]> e : ops.subList(0, Math.min(topN, ops.size()))) {
            long count = e.getValue()[0];
            long total = e.getValue()[1];
            sb.append(String.format(Locale.ROOT, "  %-20s count %d, total %s, mean %s%n", e.getKey(), count, ms(total),
                    ms(total / count)));
        }

        List<Span> path = criticalPath();
        long pathTotal = path.stream().mapToLong(Span::durationNanos).sum();
        sb.append(String.format(Locale.ROOT, "Critical path (%d nodes, %s):", path.size(), ms(pathTotal)));
        for (int i = 0; i < path.size(); i++) {
            sb.append(i == 0 ? " " : " -> ").append(path.get(i).name()).append(" (").append(path.get(i).opType())
                    .append(", ").append(ms(path.get(i).durationNanos())).append(')');
        }
        sb.append(System.lineSeparator());

        sb.append("Thread busy time:").append(System.lineSeparator());
        Map<String, Long> busy = new LinkedHashMap<>();
        for (String t : threadIds().keySet()) {
            busy.put(t, 0L);
        }
        for (Span s : spans) {
            busy.merge(s.thread(), s.durationNanos(), Long::sum);
        }
        for (Map.Entry<String, Long> e : busy.entrySet()) {
            double pct = wallNanos == 0 ? 0 : 100.0 * e.getValue() / wallNanos;
            sb.append(String.format(Locale.ROOT, "  %-30s %s busy, %.1f%%%n", e.getKey(), ms(e.getValue()), pct));
        }
        return sb.toString();
    }

    /**
     * Returns the critical path: the chain of nodes, each an input of the next, whose durations
     * add up to the most; the run cannot be shorter than its total, however many threads it had.
     *
     * @return the nodes from the chain's first to its last; empty if no node ran
     */
    public List<Span> criticalPath() {
        Map<String, Span> byName = new HashMap<>();
        for (Span s : spans) {
            byName.put(s.name(), s);
        }
        // Nodes in dependency order (Kahn), so that each node's inputs are settled before it;
        // start times alone could tie between a zero-length input and its consumer.
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<Span>> consumers = new HashMap<>();
        List<Span> order = new ArrayList<>();
        for (Span s : spans) {
            int n = 0;
            for (String in : s.inputs()) {
                if (byName.containsKey(in)) {
                    n++;
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(s);
                }
            }
            waiting.put(s.name(), n);
            if (n == 0) {
                order.add(s);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            for (Span c : consumers.getOrDefault(order.get(i).name(), List.of())) {
                if (waiting.merge(c.name(), -1, Integer::sum) == 0) {
                    order.add(c);
                }
            }
        }
        Map<String, Long> longest = new HashMap<>();
        Map<String, String> via = new HashMap<>();
        Span end = null;
        for (Span s : order) {
            long best = 0;
            String from = null;
            for (String in : s.inputs()) {
                Long l = longest.get(in);
                if (l != null && (from == null || l > best)) {
                    best = l;
                    from = in;
                }
            }
            long total = best + s.durationNanos();
            longest.put(s.name(), total);
            if (from != null) {
                via.put(s.name(), from);
            }
            if (end == null || total > longest.get(end.name())) {
                end = s;
            }
        }
        List<Span> path = new ArrayList<>();
        for (String n = end == null ? null : end.name(); n != null; n = via.get(n)) {
            path.add(0, byName.get(n));
        }
        return path;
    }

    /** A small id per distinct thread, in order of first start. */
    private Map<String, Integer> threadIds() {
        Map<String, Integer> tids = new LinkedHashMap<>();
        for (Span s : spans) {
            tids.putIfAbsent(s.thread(), tids.size() + 1);
        }
        return tids;
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e3);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** Appends a JSON string literal: quotes, backslashes and control characters escaped. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
