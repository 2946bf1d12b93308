package dev.skiff.ssh;

import java.util.Objects;

/**
 * Where to connect: the host as the user named it (used for known_hosts), the address to dial
 * (HostName; defaults to the host), the port and the user.
 */
public record ConnectSpec(String host, String address, int port, String user) {
    public ConnectSpec {
        Objects.requireNonNull(host, "host");
        if (address == null || address.isEmpty()) {
            address = host;
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("bad port " + port);
        }
    }

    public static ConnectSpec of(String host, int port) {
        return new ConnectSpec(host, host, port, null);
    }

    /** {@code host} or {@code [host]:port}, as in messages and known_hosts. */
    public String displayName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
