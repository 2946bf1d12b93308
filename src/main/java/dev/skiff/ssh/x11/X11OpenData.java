package dev.skiff.ssh.x11;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * The type-specific data of an {@code x11} CHANNEL_OPEN (RFC 4254 section 6.3.2), sent by the
 * server for each X client connection:
 * <pre>
 *   string  originator address (e.g. "127.0.0.1")
 *   uint32  originator port
 * </pre>
 */
public record X11OpenData(String originatorAddress, int originatorPort) {
    /** The channel type. */
    public static final String CHANNEL_TYPE = "x11";
    private static final int MAX_ADDRESS = 1024;

    public X11OpenData {
        if (originatorAddress == null || originatorPort < 0 || originatorPort > 65535) {
            throw new IllegalArgumentException("bad originator " + originatorAddress + ":" + originatorPort);
        }
    }

    public byte[] encode() {
        return new WireWriter(originatorAddress.length() + 8).utf8(originatorAddress).uint32(originatorPort).toByteArray();
    }

    /** Decodes the whole data; trailing bytes, a long address or a port out of range are protocol errors. */
    public static X11OpenData decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        String address = r.utf8();
        long port = r.uint32();
        r.expectEnd();
        if (address.length() > MAX_ADDRESS || port > 65535) {
            throw new ProtocolException("bad originator in x11 channel open");
        }
        return new X11OpenData(address, (int) port);
    }
}
