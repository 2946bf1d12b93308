package dev.skiff.ssh.sftp;

/**
 * How many bytes of READ or WRITE requests a transfer keeps in flight: a small delay-based
 * controller in the spirit of TCP Vegas, measured per reply.
 *
 * <ul>
 * <li>The smallest round-trip time seen is the path's base RTT (an idle pipe).
 * <li>A reply whose RTT is at most {@code 2 × base + 2 ms} says the pipe is not queueing: the
 *     window grows by one request (so it doubles about once per round trip, like slow start; a
 *     transfer of unknown length starts at one or two requests and ramps up).
 * <li>A reply whose RTT exceeds {@code 4 × base + 20 ms} says requests wait in queues (server
 *     disk, channel window, socket buffers): the window shrinks by one request.
 * <li>Between the two it holds. The window stays within [2 requests, {@code maxBytes}] and never
 *     exceeds {@code maxRequests} requests, which bounds memory: at most {@code maxBytes} of reply
 *     or write packets exist per transfer (16 MiB by default), whatever the file size.
 * </ul>
 * Not thread-safe: one transfer thread owns it.
 */
public final class FlowWindow {
    /** Default cap on requests in flight. */
    public static final int MAX_REQUESTS = 64;
    /** Default cap on bytes in flight per transfer. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final int chunk;
    private final int maxRequests;
    private final long maxBytes;
    private long window;
    private long baseRtt = Long.MAX_VALUE;

    public FlowWindow(int chunk, int initialRequests, int maxRequests, long maxBytes) {
        if (chunk <= 0 || maxRequests < 2 || initialRequests < 1) {
            throw new IllegalArgumentException("bad flow window settings");
        }
        this.chunk = chunk;
        this.maxRequests = maxRequests;
        this.maxBytes = Math.max(2L * chunk, maxBytes);
        this.window = Math.min(this.maxBytes, (long) initialRequests * chunk);
    }

    /** Defaults for a stream or transfer of unknown length: starts at 2 requests. */
    public static FlowWindow forTransfers(int chunk) {
        return new FlowWindow(chunk, 2, MAX_REQUESTS, MAX_BYTES);
    }

    /** Defaults for a transfer of known length: starts at up to 16 requests, never beyond the size. */
    public static FlowWindow forLength(int chunk, long length) {
        return forLength(chunk, length, MAX_REQUESTS);
    }

    /** As {@link #forLength(int, long)} with at most {@code maxRequests} in flight (sftp -R). */
    public static FlowWindow forLength(int chunk, long length, int maxRequests) {
        long req = Math.max(1, Math.min(Math.min(16, maxRequests), (length + chunk - 1) / chunk));
        return new FlowWindow(chunk, (int) req, maxRequests, MAX_BYTES);
    }

    /** As {@link #forTransfers(int)} with at most {@code maxRequests} in flight. */
    public static FlowWindow forTransfers(int chunk, int maxRequests) {
        return new FlowWindow(chunk, 2, maxRequests, MAX_BYTES);
    }

    public int chunk() {
        return chunk;
    }

    /** May another request of {@code len} bytes be sent with {@code inFlightBytes}/{@code inFlightRequests} outstanding? */
    public boolean allows(long inFlightBytes, int inFlightRequests) {
        return inFlightRequests == 0 || (inFlightRequests < maxRequests && inFlightBytes + chunk <= window);
    }

    /** Feeds one reply's round-trip time. */
    public void onReply(long rttNanos) {
        if (rttNanos < baseRtt) {
            baseRtt = Math.max(1, rttNanos);
        }
        if (rttNanos <= 2 * baseRtt + 2_000_000L) {
            window = Math.min(Math.min(maxBytes, (long) maxRequests * chunk), window + chunk);
        } else if (rttNanos > 4 * baseRtt + 20_000_000L) {
            window = Math.max(2L * chunk, window - chunk);
        }
    }

    public long windowBytes() {
        return window;
    }

    public long maxBytes() {
        return Math.min(maxBytes, (long) maxRequests * chunk);
    }
}
