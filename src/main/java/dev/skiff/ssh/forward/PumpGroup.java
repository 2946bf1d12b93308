package dev.skiff.ssh.forward;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live connections of one forward and the threads serving them. Bounded: at most
 * {@code maxConnections} pumps at a time. Threads are named {@code <name>-<suffix>} and are
 * daemons; {@link #stop()} aborts every pump without blocking, {@link #join} waits for the threads.
 */
final class PumpGroup {
    private final String name;
    private final int maxConnections;
    private final Set<TcpipPump> pumps = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private boolean stopped;

    PumpGroup(String name, int maxConnections) {
        this.name = name;
        this.maxConnections = maxConnections;
    }

    String name() {
        return name;
    }

    int nextId() {
        return ids.incrementAndGet();
    }

    /** Starts a named daemon thread that leaves the group when it ends. */
    Thread start(String suffix, Runnable work) {
        Thread[] self = new Thread[1];
        Thread t = new Thread(() -> {
            try {
                work.run();
            } finally {
                threads.remove(self[0]);
            }
        }, name + "-" + suffix);
        self[0] = t;
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    /** Admits a new connection; false when stopped or full (the caller closes it). */
    synchronized boolean add(TcpipPump pump) {
        if (stopped || pumps.size() >= maxConnections) {
            return false;
        }
        pumps.add(pump);
        return true;
    }

    void remove(TcpipPump pump) {
        pumps.remove(pump);
    }

    int size() {
        return pumps.size();
    }

    /** Refuses new connections and aborts the live ones. Any thread; does not block. */
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        for (TcpipPump p : List.copyOf(pumps)) {
            p.abort();
        }
    }

    synchronized boolean isStopped() {
        return stopped;
    }

    /** Waits for the group's threads to end, at most {@code timeout} in all. */
    void join(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : List.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || t == Thread.currentThread()) {
                continue;
            }
            try {
                t.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
