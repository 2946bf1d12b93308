package dev.skiff.ssh.forward;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The server side of a SOCKS handshake up to the CONNECT request: SOCKS4, SOCKS4a and SOCKS5
 * (RFC 1928) with method "no authentication" only and command CONNECT only. Every field is
 * bounded (user ids and host names at most 255 bytes); the caller sets a socket read timeout.
 * Requests that SOCKS can answer with an error code (other commands, address types, methods) get
 * that reply before the {@link IOException}.
 */
final class SocksHandshake {
    static final int MAX_FIELD = 255;

    private SocksHandshake() {
    }

    /** Reads the greeting and the request; blocks on {@code in} (bounded by its socket timeout). */
    static SocksRequest negotiate(InputStream rawIn, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        int version = in.readUnsignedByte();
        return switch (version) {
            case 4 -> socks4(in, out);
            case 5 -> socks5(in, out);
            default -> throw new IOException("not a SOCKS request (version byte " + version + ")");
        };
    }

    /** VN=4 already read; CD, DSTPORT, DSTIP, USERID NUL [, HOST NUL for 4a]. */
    private static SocksRequest socks4(DataInputStream in, OutputStream out) throws IOException {
        int command = in.readUnsignedByte();
        int port = in.readUnsignedShort();
        byte[] ip = new byte[4];
        in.readFully(ip);
        nulTerminated(in); // user id: ignored
        String host;
        if (ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] != 0) {
            host = hostName(nulTerminated(in)); // SOCKS4a
        } else {
            host = InetAddress.getByAddress(ip).getHostAddress();
        }
        if (command != 1) {
            out.write(SocksRequest.socks4Reply(SocksRequest.SOCKS4_REJECTED));
            out.flush();
            throw new IOException("SOCKS4 command " + command + " not supported");
        }
        return new SocksRequest(4, host, port);
    }

    /** VER=5 already read; method selection, then VER CMD RSV ATYP DST.ADDR DST.PORT. */
    private static SocksRequest socks5(DataInputStream in, OutputStream out) throws IOException {
        int methods = in.readUnsignedByte();
        boolean noAuth = false;
        for (int i = 0; i < methods; i++) {
            noAuth |= in.readUnsignedByte() == 0;
        }
        if (!noAuth) {
            out.write(new byte[] {5, (byte) 0xff});
            out.flush();
            throw new IOException("SOCKS5 client offers no acceptable authentication method");
        }
        out.write(new byte[] {5, 0});
        out.flush();
        if (in.readUnsignedByte() != 5) {
            throw new IOException("bad SOCKS5 request version");
        }
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // RSV
        int type = in.readUnsignedByte();
        String host = switch (type) {
            case 1 -> address(in, 4);
            case 3 -> {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                yield hostName(name);
            }
            case 4 -> address(in, 16);
            default -> {
                out.write(SocksRequest.socks5Reply(SocksRequest.SOCKS5_ADDRESS_TYPE_NOT_SUPPORTED));
                out.flush();
                throw new IOException("SOCKS5 address type " + type + " not supported");
            }
        };
        int port = in.readUnsignedShort();
        if (command != 1) {
            out.write(SocksRequest.socks5Reply(SocksRequest.SOCKS5_COMMAND_NOT_SUPPORTED));
            out.flush();
            throw new IOException("SOCKS5 command " + command + " not supported");
        }
        return new SocksRequest(5, host, port);
    }

    private static String address(DataInputStream in, int length) throws IOException {
        byte[] a = new byte[length];
        in.readFully(a);
        return InetAddress.getByAddress(a).getHostAddress(); // a literal: no name lookup
    }

    /** Bytes up to a NUL, at most {@link #MAX_FIELD}. */
    private static byte[] nulTerminated(DataInputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("SOCKS4 request ends inside a string");
            }
            if (c == 0) {
                return b.toByteArray();
            }
            if (b.size() == MAX_FIELD) {
                throw new IOException("SOCKS4 string longer than " + MAX_FIELD + " bytes");
            }
            b.write(c);
        }
    }

    /** A host name must be non-empty printable ASCII without spaces. */
    private static String hostName(byte[] name) throws IOException {
        if (name.length == 0) {
            throw new IOException("empty SOCKS host name");
        }
        for (byte c : name) {
            if (c <= 0x20 || c >= 0x7f) {
                throw new IOException("bad character in SOCKS host name");
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }
}
