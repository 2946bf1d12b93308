package dev.skiff.ssh.x11;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A local X display as named by {@code DISPLAY}: {@code [host]:number[.screen]}. An empty host or
 * {@code unix} means the Unix socket {@code /tmp/.X11-unix/X<number>}; any other host means TCP
 * port 6000 + number there. Immutable.
 */
public record X11Display(String host, int number, int screen) {
    /** TCP port of display 0 (X11 protocol, "Connection Setup"). */
    public static final int BASE_PORT = 6000;
    /** Where X servers put their Unix sockets. */
    public static final Path SOCKET_DIR = Path.of("/tmp/.X11-unix");

    public X11Display {
        if (number < 0 || number > 65535 - BASE_PORT || screen < 0) {
            throw new IllegalArgumentException("bad display number " + number + "." + screen);
        }
    }

    /**
     * Parses a DISPLAY value.
     *
     * @throws IllegalArgumentException when it is not {@code [host]:number[.screen]}
     */
    public static X11Display parse(String display) {
        if (display == null || display.isBlank() || display.startsWith("/")) {
            throw new IllegalArgumentException("unsupported DISPLAY \"" + display + "\"");
        }
        int colon = display.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("DISPLAY \"" + display + "\" has no display number");
        }
        String host = display.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String rest = display.substring(colon + 1);
        int dot = rest.indexOf('.');
        String num = dot < 0 ? rest : rest.substring(0, dot);
        String scr = dot < 0 ? "0" : rest.substring(dot + 1);
        if (!num.matches("\\d{1,5}") || !scr.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("DISPLAY \"" + display + "\" has no valid display number");
        }
        return new X11Display(host, Integer.parseInt(num), Integer.parseInt(scr));
    }

    /** Whether the display is reached through its Unix socket. */
    public boolean isLocalSocket() {
        return host.isEmpty() || host.equals("unix");
    }

    /**
     * The name to look the cookie up with ({@code xauth list}): {@code localhost:N} becomes
     * {@code unix:N} as in OpenSSH's client, since Xlib stores local cookies under the host name.
     */
    public String xauthName() {
        String h = host.equals("localhost") ? "unix" : host;
        return h + ":" + number + "." + screen;
    }

    /** Connects to the display (blocking). */
    public SocketChannel connect() throws IOException {
        if (isLocalSocket()) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(SOCKET_DIR.resolve("X" + number)));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return ch;
        }
        SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, BASE_PORT + number));
        ch.socket().setTcpNoDelay(true);
        return ch;
    }

    @Override
    public String toString() {
        return host + ":" + number + "." + screen;
    }
}
