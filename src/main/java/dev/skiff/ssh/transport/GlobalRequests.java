package dev.skiff.ssh.transport;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.TransportException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Global requests of one transport (RFC 4254 section 4): our requests awaiting replies, which come
 * back in request order, and the handler answering the peer's. A peer that does not implement
 * global requests (OpenSSH before authentication) answers UNIMPLEMENTED naming the packet's
 * sequence number, which completes the matching request like a REQUEST_FAILURE.
 */
final class GlobalRequests {
    /** A request awaiting its reply; {@code seq} is known once the packet is written. */
    static final class Pending {
        final CompletableFuture<Optional<byte[]>> future = new CompletableFuture<>();
        volatile long seq = -1;
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private volatile GlobalRequestHandler handler = GlobalRequestHandler.REFUSE_ALL;
    private TransportException failed;

    void setHandler(GlobalRequestHandler h) {
        handler = h == null ? GlobalRequestHandler.REFUSE_ALL : h;
    }

    GlobalRequestHandler handler() {
        return handler;
    }

    /** Registers a request about to be sent (call under the send lock, so order matches the wire). */
    synchronized Pending register() {
        Pending p = new Pending();
        if (failed != null) {
            p.future.completeExceptionally(failed);
        } else {
            pending.add(p);
        }
        return p;
    }

    /** REQUEST_SUCCESS (data) or REQUEST_FAILURE (empty) for the oldest request. */
    void reply(Optional<byte[]> data) throws ProtocolException {
        Pending p;
        synchronized (this) {
            p = pending.poll();
        }
        if (p == null) {
            throw new ProtocolException("global request reply without a request");
        }
        p.future.complete(data);
    }

    /** UNIMPLEMENTED for packet {@code seq}: true when it answered one of our requests. */
    boolean unimplemented(long seq) {
        Pending match = null;
        synchronized (this) {
            for (Pending p : pending) {
                if (p.seq == seq) {
                    match = p;
                    break;
                }
            }
            if (match != null) {
                pending.remove(match);
            }
        }
        if (match == null) {
            return false;
        }
        match.future.complete(Optional.empty());
        return true;
    }

    /** The transport ended: every waiting request fails with {@code cause}. */
    void failAll(TransportException cause) {
        List<Pending> all;
        synchronized (this) {
            failed = cause;
            all = List.copyOf(pending);
            pending.clear();
        }
        all.forEach(p -> p.future.completeExceptionally(cause));
    }
}
