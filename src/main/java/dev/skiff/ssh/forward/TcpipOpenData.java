package dev.skiff.ssh.forward;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * The type-specific data of a {@code direct-tcpip} (RFC 4254 section 7.2) or
 * {@code forwarded-tcpip} (section 7.2) CHANNEL_OPEN:
 * <pre>
 *   string  host to connect (direct-tcpip) / address that was connected (forwarded-tcpip)
 *   uint32  port to connect / port that was connected
 *   string  originator IP address
 *   uint32  originator port
 * </pre>
 */
public record TcpipOpenData(String host, int port, String originatorAddress, int originatorPort) {
    /** Host names longer than this are refused (DNS names are at most 253 characters). */
    public static final int MAX_HOST_LENGTH = 1024;

    public TcpipOpenData {
        if (host == null || originatorAddress == null) {
            throw new IllegalArgumentException("host and originator address are required");
        }
        checkPort(port, "port");
        checkPort(originatorPort, "originator port");
    }

    private static void checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bad " + what + " " + port);
        }
    }

    public byte[] encode() {
        return new WireWriter(host.length() + originatorAddress.length() + 16).utf8(host).uint32(port)
                .utf8(originatorAddress).uint32(originatorPort).toByteArray();
    }

    /** Decodes the whole type-specific data; trailing bytes or out-of-range ports are protocol errors. */
    public static TcpipOpenData decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        String host = r.utf8();
        long port = r.uint32();
        String origin = r.utf8();
        long originPort = r.uint32();
        r.expectEnd();
        if (host.length() > MAX_HOST_LENGTH || origin.length() > MAX_HOST_LENGTH) {
            throw new ProtocolException("host name too long in tcpip channel open");
        }
        if (port > 65535 || originPort > 65535) {
            throw new ProtocolException("port out of range in tcpip channel open");
        }
        return new TcpipOpenData(host, (int) port, origin, (int) originPort);
    }
}
