package dev.skiff.ssh.transport;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on transport futures: a timeout ends the transport, failures surface as checked exceptions. */
final class Waits {
    private Waits() {
    }

    static <T> T await(CompletableFuture<T> f, Duration timeout, String what, Transport t) throws TransportException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            TransportException te = new TransportException("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            t.fail(te);
            throw te;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.close();
            throw new TransportException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof TransportException te) {
                throw te;
            }
            SshException s = Transport.asSsh(c);
            throw new TransportException(what + " failed: " + s.getMessage(), s);
        }
    }
}
