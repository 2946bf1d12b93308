package dev.skiff.ssh.sftp.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Waits are checked as lower bounds (a busy machine only adds time) or against a long upper bound. */
class RateLimitTest {
    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void noLimitNeverWaits() throws Exception {
        Cancellation c = new Cancellation();
        long t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            RateLimit.NONE.pace(1 << 20, c);
            RateLimit.of(0).pace(1 << 20, c);
        }
        assertTrue(seconds(t0) < 5);
        assertEquals(0, RateLimit.of(-5).bytesPerSecond());
    }

    @Test
    void bytesTakeAtLeastTheirShareOfTime() throws Exception {
        RateLimit limit = RateLimit.of(1 << 20); // 1 MiB/s
        Cancellation c = new Cancellation();
        long t0 = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            limit.pace(64 << 10, c); // 512 KiB in all
        }
        assertTrue(seconds(t0) >= 0.49, "512 KiB at 1 MiB/s in " + seconds(t0) + " s");
    }

    @Test
    void oneInstanceLimitsSeveralThreadsTogether() throws Exception {
        RateLimit limit = RateLimit.of(1 << 20);
        Cancellation c = new Cancellation();
        long t0 = System.nanoTime();
        Runnable half = () -> {
            try {
                for (int i = 0; i < 4; i++) {
                    limit.pace(64 << 10, c);
                }
            } catch (InterruptedIOException e) {
                throw new IllegalStateException(e);
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(half), CompletableFuture.runAsync(half)).get(30, TimeUnit.SECONDS);
        assertTrue(seconds(t0) >= 0.49, "2 x 256 KiB at 1 MiB/s together in " + seconds(t0) + " s");
    }

    @Test
    void theRateIsReadOnEachCall() throws Exception {
        AtomicLong rate = new AtomicLong(100); // 100 bytes/s: 10 KiB would take 100 s
        RateLimit limit = new RateLimit(rate::get);
        assertEquals(100, limit.bytesPerSecond());
        rate.set(0);
        long t0 = System.nanoTime();
        limit.pace(10 << 10, new Cancellation());
        assertTrue(seconds(t0) < 5, "the limit was lifted");
        assertEquals(0, limit.bytesPerSecond());
    }

    @Test
    void cancellingEndsTheWait() throws Exception {
        RateLimit limit = RateLimit.of(100);
        Cancellation c = new Cancellation();
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
            try {
                limit.pace(100_000, c); // 1000 s
            } catch (InterruptedIOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        long t0 = System.nanoTime();
        c.cancel();
        f.get(30, TimeUnit.SECONDS);
        assertTrue(seconds(t0) < 30);
    }

    @Test
    void interruptingEndsTheWaitWithAnError() throws Exception {
        RateLimit limit = RateLimit.of(100);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedIOException.class, () -> limit.pace(100_000, new Cancellation()));
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    }

    @Test
    void kbitIsOpenSshsUnit() {
        assertEquals(128, RateLimit.kbitPerSecond(1));
        assertEquals(1 << 20, RateLimit.kbitPerSecond(8192));
    }
}
