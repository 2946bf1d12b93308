package dev.skiff.ssh.connection;

import java.time.Duration;

/**
 * Channel settings: our window and max packet for inbound data (OpenSSH-like defaults: 2 MiB
 * window, 32 KiB packets), the largest outbound packet we accept from the peer's offer, and the
 * timeouts for requests and for writers waiting on the peer's window.
 */
public record ConnectionConfig(long window, long maxPacket, Duration requestTimeout, Duration writeTimeout) {
    public static final long DEFAULT_WINDOW = 2L * 1024 * 1024;
    public static final long DEFAULT_MAX_PACKET = 32 * 1024;

    public ConnectionConfig {
        if (window < 1024 || window > 0xffffffffL) {
            throw new IllegalArgumentException("bad window " + window);
        }
        if (maxPacket < 512 || maxPacket > 256 * 1024 - 1024) {
            throw new IllegalArgumentException("bad max packet " + maxPacket);
        }
    }

    public static ConnectionConfig defaults(Duration requestTimeout) {
        return new ConnectionConfig(DEFAULT_WINDOW, DEFAULT_MAX_PACKET, requestTimeout, Duration.ofMinutes(5));
    }
}
