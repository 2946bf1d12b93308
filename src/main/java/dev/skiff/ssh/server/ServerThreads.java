package dev.skiff.ssh.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every thread an {@link SshServer} starts (accept, connection handlers, sessions, pumps,
 * forwards): named, daemon, and tracked so that {@code close()} can join them with a bound.
 */
final class ServerThreads {
    private final String prefix;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    ServerThreads(String prefix) {
        this.prefix = prefix;
    }

    /** Starts a daemon thread named {@code prefix-name}. */
    Thread start(String name, Runnable body) {
        Thread[] self = new Thread[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                live.remove(self[0]);
            }
        }, prefix + "-" + name);
        self[0] = t;
        t.setDaemon(true);
        live.add(t);
        t.start();
        return t;
    }

    int liveCount() {
        return live.size();
    }

    /** Waits for every tracked thread to end, at most {@code limit} in total; false if some remain. */
    boolean joinAll(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : Set.copyOf(live)) {
            long ms = (deadline - System.nanoTime()) / 1_000_000;
            if (ms <= 0 || Thread.currentThread() == t) {
                continue;
            }
            try {
                t.join(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return live.stream().allMatch(t -> t == Thread.currentThread() || !t.isAlive());
    }
}
