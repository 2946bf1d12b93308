package dev.skiff.ssh.transport;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol version exchange, RFC 4253 section 4.2. We send {@code SSH-2.0-softwareversion CR LF};
 * the peer's identification line may be preceded by other lines (a server banner), which are
 * bounded in number and length. SSH-1 peers and malformed identification lines are refused.
 */
public final class VersionExchange {
    /** Maximum length of one line, including CR LF (RFC 4253 4.2). */
    public static final int MAX_LINE = 255;
    /** Maximum number of lines before the identification line. */
    public static final int MAX_PRE_LINES = 1024;

    private VersionExchange() {
    }

    /** The peer's identification and any lines that preceded it. */
    public record Result(String peerVersion, List<String> preamble) {
    }

    public static void send(OutputStream out, String ourVersion) throws IOException {
        out.write((ourVersion + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Reads lines until the peer's identification. Reads byte by byte so nothing after the line is
     * consumed (callers pass a buffered stream).
     */
    public static Result receive(InputStream in, boolean allowPreamble) throws TransportException {
        List<String> preamble = new ArrayList<>();
        try {
            while (true) {
                String line = readLine(in);
                if (line.startsWith("SSH-")) {
                    return new Result(check(line), List.copyOf(preamble));
                }
                if (!allowPreamble) {
                    throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                            "peer sent text before its SSH identification: " + printable(line));
                }
                if (preamble.size() >= MAX_PRE_LINES) {
                    throw new ProtocolException("too many lines before the SSH identification");
                }
                preamble.add(line);
            }
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportException("reading the SSH identification failed: " + e.getMessage(), e);
        }
    }

    private static String check(String line) throws ProtocolException {
        int dash = line.indexOf('-', 4);
        if (dash < 0 || dash == 4 || dash == line.length() - 1) {
            throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "malformed SSH identification: " + printable(line));
        }
        String proto = line.substring(4, dash);
        if (!proto.equals("2.0") && !proto.equals("1.99")) {
            throw new ProtocolException(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED,
                    "unsupported protocol version " + printable(proto) + " (only SSH-2.0 is supported)");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new ProtocolException("invalid character in SSH identification");
            }
        }
        return line;
    }

    private static String readLine(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_LINE];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new PeerDisconnectedException(DisconnectReason.CONNECTION_LOST,
                        n == 0 ? "connection closed before the SSH identification was received"
                                : "connection closed in the middle of the SSH identification");
            }
            if (b == '\n') {
                int len = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
                return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (b == 0) {
                throw new ProtocolException("NUL byte in identification line");
            }
            if (n >= MAX_LINE - 1) {
                throw new ProtocolException("identification line longer than " + MAX_LINE + " bytes");
            }
            buf[n++] = (byte) b;
        }
    }

    /** Makes peer text safe to show: control and non-ASCII characters become escapes. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 200; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        return sb.toString();
    }
}
