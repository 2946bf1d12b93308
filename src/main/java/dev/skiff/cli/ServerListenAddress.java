package dev.skiff.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parses {@code --listen}: {@code host:port}, {@code [v6]:port} or {@code port} (loopback). */
final class ServerListenAddress {
    private ServerListenAddress() {
    }

    static InetSocketAddress parse(String spec) throws UnknownHostException {
        String host;
        String port;
        if (spec.startsWith("[")) {
            int close = spec.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("bad --listen " + spec + " (use [v6addr]:port)");
            }
            host = spec.substring(1, close);
            port = spec.substring(close + 2);
        } else if (spec.indexOf(':') >= 0) {
            host = spec.substring(0, spec.lastIndexOf(':'));
            port = spec.substring(spec.lastIndexOf(':') + 1);
        } else {
            host = "127.0.0.1";
            port = spec;
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in --listen " + spec);
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port out of range in --listen " + spec);
        }
        InetAddress a = host.isEmpty() || host.equals("*") ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(host);
        return new InetSocketAddress(a, p);
    }
}
