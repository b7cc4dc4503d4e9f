package dev.flowgraph.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' Spark: one {@code local[2,2]} session per JVM (two worker threads, a task may fail
 * once and be retried), no UI, the driver bound to the loopback address.
 */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,2]").appName("flowgraph-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
