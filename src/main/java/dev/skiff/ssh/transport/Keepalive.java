package dev.skiff.ssh.transport;

import dev.skiff.ssh.TransportException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keepalive with OpenSSH's ServerAliveInterval / ServerAliveCountMax semantics, and the
 * time-based rekey check. When nothing has been received for an interval, a
 * {@code keepalive@openssh.com} global request with want-reply is sent; after CountMax such
 * unanswered probes in a row, the connection ends. Any received packet resets the count.
 * Ticks run on one shared daemon thread {@code ssh-timer}.
 */
final class Keepalive {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ssh-timer");
        t.setDaemon(true);
        return t;
    });

    private final Transport transport;
    private final AtomicInteger unanswered = new AtomicInteger();
    private ScheduledFuture<?> task;

    Keepalive(Transport transport) {
        this.transport = transport;
    }

    synchronized void start() {
        long interval = transport.config().keepaliveInterval().toMillis();
        long period = interval > 0 ? interval : 1000;
        task = TIMER.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    void received() {
        unanswered.set(0);
    }

    private void tick() {
        if (!transport.isOpen()) {
            stop();
            return;
        }
        try {
            if (transport.rekeyTimeDue()) {
                transport.rekey();
            }
            long interval = transport.config().keepaliveInterval().toNanos();
            if (interval <= 0 || transport.role() != Role.CLIENT) {
                return;
            }
            if (System.nanoTime() - transport.lastReceiveNanos() < interval) {
                return;
            }
            if (unanswered.incrementAndGet() > transport.config().keepaliveCountMax()) {
                transport.fail(new TransportException("Timeout, server " + transport.peer() + " not responding."));
                return;
            }
            transport.globalRequest("keepalive@openssh.com", true, new byte[0]);
        } catch (RuntimeException e) {
            transport.fail(e);
        }
    }
}
