package dev.skiff.ssh.forward;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.SshException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on SSH futures with a timeout, failures as checked {@link SshException}s. */
final class Futures {
    private Futures() {
    }

    static <T> T await(CompletableFuture<T> f, Duration timeout, String what) throws SshException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ChannelException("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SshException s) {
                throw s;
            }
            throw new ChannelException(what + " failed: " + c, c);
        }
    }
}
