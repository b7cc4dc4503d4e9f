package dev.flowgraph.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SessionPoolTest {
    /** Long enough for any task of these tests on a loaded machine; a lost task hangs far longer. */
    private static final long WAIT_SECONDS = 30;

    @Test
    void runsEveryTaskFromManySubmittersOnItsOwnDaemonThreads() throws Exception {
        SessionPool pool = new SessionPool(2, "pool-test-a-");
        int submitters = 4;
        int perSubmitter = 500;
        CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicInteger notOwn = new AtomicInteger();
        Thread[] threads = new Thread[submitters];
        for (int s = 0; s < submitters; s++) {
            threads[s] = new Thread(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    pool.execute(() -> {
                        Thread t = Thread.currentThread();
                        names.add(t.getName());
                        if (!pool.isPoolThread() || !t.isDaemon()) {
                            notOwn.incrementAndGet();
                        }
                        done.countDown();
                    });
                }
            });
            threads[s].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS), done.getCount() + " tasks never ran");
        assertEquals(0, notOwn.get());
        assertFalse(pool.isPoolThread(), "the test's thread is not the pool's");
        assertFalse(new SessionPool(2, "pool-test-other-").isPoolThread());
        assertTrue(names.size() <= 2, "more threads than the parallelism: " + names);
        assertTrue(names.stream().allMatch(n -> n.equals("pool-test-a-1") || n.equals("pool-test-a-2")), names::toString);
        pool.shutdown();
    }

    @Test
    void runsAtMostItsParallelismOfTasksAtOnce() throws Exception {
        SessionPool pool = new SessionPool(2, "pool-test-b-");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            pool.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        awaitCondition(() -> running.get() == 2);
        assertEquals(2, pool.threadCount());
        assertEquals(2, pool.getParallelism());
        release.countDown();
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(2, most.get());
        pool.shutdown();
    }

    @Test
    void neverLeavesATaskWaitingWhateverTheGapBetweenTasks() throws Exception {
        // Tasks one at a time, after no gap, after a gap inside the spin time and after one past it
        // (so that threads park): a lost wake-up would leave a task queued with every thread parked.
        SessionPool pool = new SessionPool(2, "pool-test-c-", 200_000, TimeUnit.SECONDS.toNanos(60));
        long[] gaps = {0, 50_000, 1_000_000};
        for (int i = 0; i < 600; i++) {
            LockSupport.parkNanos(gaps[i % gaps.length]);
            CountDownLatch ran = new CountDownLatch(2);
            // One task that hands another to the pool, as a node hands out its parallelFor helpers.
            pool.execute(() -> {
                pool.execute(ran::countDown);
                ran.countDown();
            });
            assertTrue(ran.await(WAIT_SECONDS, TimeUnit.SECONDS), "task " + i + " was left waiting");
        }
        pool.shutdown();
    }

    @Test
    void shutdownRefusesNewTasksRunsTheQueuedOnesAndEndsTheThreads() throws Exception {
        SessionPool pool = new SessionPool(1, "pool-test-d-");
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add(0);
        });
        for (int i = 1; i <= 3; i++) {
            int task = i;
            pool.execute(() -> ran.add(task));
        }
        pool.shutdown();
        assertTrue(pool.isShutdown());
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        assertEquals("the pool is shut down", e.getMessage());
        release.countDown();
        awaitCondition(() -> pool.threadCount() == 0);
        assertEquals(List.of(0, 1, 2, 3), ran);
    }

    @Test
    void aThreadParkedForTheKeepAliveTimeEndsAndANewOneStartsForTheNextTask() throws Exception {
        SessionPool pool = new SessionPool(1, "pool-test-e-", 0, TimeUnit.MILLISECONDS.toNanos(50));
        List<String> names = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> {
            names.add(Thread.currentThread().getName());
            first.countDown();
        });
        assertTrue(first.await(WAIT_SECONDS, TimeUnit.SECONDS));
        awaitCondition(() -> pool.threadCount() == 0);
        CountDownLatch second = new CountDownLatch(1);
        pool.execute(() -> {
            names.add(Thread.currentThread().getName());
            second.countDown();
        });
        assertTrue(second.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of("pool-test-e-1", "pool-test-e-2"), names);
        pool.shutdown();
    }

    @Test
    void aTaskThatThrowsGoesToTheHandlerAndTheThreadGoesOn() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> caught = new CopyOnWriteArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((t, x) -> caught.add(x));
        try {
            SessionPool pool = new SessionPool(1, "pool-test-f-");
            IllegalStateException boom = new IllegalStateException("boom");
            pool.execute(() -> {
                throw boom;
            });
            CountDownLatch after = new CountDownLatch(1);
            List<String> names = new CopyOnWriteArrayList<>();
            pool.execute(() -> {
                names.add(Thread.currentThread().getName());
                after.countDown();
            });
            assertTrue(after.await(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(1, caught.size());
            assertSame(boom, caught.get(0));
            assertEquals(List.of("pool-test-f-1"), names, "the same thread went on");
            pool.shutdown();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void refusesAPoolWithoutThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SessionPool(0, "x-"));
        assertEquals("a pool needs at least 1 thread, not 0", e.getMessage());
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in " + WAIT_SECONDS + " s");
            LockSupport.parkNanos(1_000_000);
        }
    }
}
