package dev.skiff.ssh.sftp.transfer;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A bandwidth limit in bytes per second (OpenSSH's {@code sftp -l} / {@code scp -l}), shared by
 * every transfer that is given the same instance: their bytes together stay under the limit. The
 * rate is read on each call, so a limit changed while transfers run applies at once; a rate of 0
 * or less means no limit.
 *
 * <p>Thread-safe. {@link #pace} is called by the transferring thread after each chunk; it sleeps
 * until the chunk's share of time has passed, in slices so that a cancellation ends the wait.
 */
public final class RateLimit {
    /** No limit: {@link #pace} returns at once. */
    public static final RateLimit NONE = new RateLimit(() -> 0);
    private static final long SLICE = TimeUnit.MILLISECONDS.toNanos(100);
    private final LongSupplier bytesPerSecond;
    private long nextFree = System.nanoTime(); // guarded by this: when the bytes sent so far may have gone

    /** A limit whose rate (bytes per second, 0 or less = none) is asked on each call. */
    public RateLimit(LongSupplier bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** A fixed limit of {@code bytesPerSecond} (0 or less = none). */
    public static RateLimit of(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? NONE : new RateLimit(() -> bytesPerSecond);
    }

    /** OpenSSH's {@code -l} unit: Kbit/s (1 Kbit = 1024 bits), as bytes per second. */
    public static long kbitPerSecond(long kbit) {
        return kbit * 1024 / 8;
    }

    /** The rate now, in bytes per second (0 = none). */
    public long bytesPerSecond() {
        return Math.max(0, bytesPerSecond.getAsLong());
    }

    /**
     * Accounts for {@code bytes} just sent or received and waits until they fit under the limit.
     * Returns early when {@code cancel} is set (the caller then checks it).
     *
     * @throws InterruptedIOException if the thread is interrupted while waiting (its flag is kept)
     */
    public void pace(long bytes, Cancellation cancel) throws InterruptedIOException {
        long rate = bytesPerSecond();
        if (rate <= 0 || bytes <= 0) {
            return;
        }
        long until;
        synchronized (this) {
            long now = System.nanoTime();
            if (nextFree < now) {
                nextFree = now; // idle time is not saved up for a later burst
            }
            nextFree += (long) (bytes * 1e9 / rate);
            until = nextFree;
        }
        for (long left; (left = until - System.nanoTime()) > 0 && !cancel.isCancelled();) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, SLICE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing a transfer");
            }
        }
    }
}
