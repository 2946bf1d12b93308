package dev.skiff.app.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Polling waits for GUI tests on a loaded machine: conditions are evaluated on the FX thread. */
public final class FxWait {
    private FxWait() {
    }

    /** Runs {@code call} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    /** Polls until {@code condition} holds, up to 30 s; fails naming {@code what}. */
    public static void until(String what, BooleanSupplier condition) throws Exception {
        until(what, condition, () -> "");
    }

    /** As {@link #until(String, BooleanSupplier)}, adding {@code detail} to the failure message. */
    public static void until(String what, BooleanSupplier condition, Supplier<String> detail) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("timed out waiting for " + what + " " + detail.get());
    }
}
