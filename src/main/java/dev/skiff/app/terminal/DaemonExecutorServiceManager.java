package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JediTerm's executors with named daemon threads (JediTermFX's default ones are non-daemon and would
 * keep the JVM alive after the window closes if a connector's read never returned).
 */
final class DaemonExecutorServiceManager implements TerminalExecutorServiceManager {
    private static final AtomicInteger TERMINALS = new AtomicInteger();

    private final ScheduledExecutorService fast;
    private final ExecutorService unbounded;

    DaemonExecutorServiceManager() {
        int id = TERMINALS.incrementAndGet();
        fast = Executors.newSingleThreadScheduledExecutor(daemons("skiff-term-" + id + "-io-"));
        unbounded = Executors.newCachedThreadPool(daemons("skiff-term-" + id + "-emulator-"));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public ScheduledExecutorService getSingleThreadScheduledExecutor() {
        return fast;
    }

    @Override
    public ExecutorService getUnboundedExecutorService() {
        return unbounded;
    }

    @Override
    public void shutdownWhenAllExecuted() {
        if (!fast.isShutdown()) {
            fast.execute(fast::shutdown);
        }
        unbounded.shutdown();
    }
}
