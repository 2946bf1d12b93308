package dev.skiff.ssh.transport.crypto;

import java.util.HexFormat;
import java.util.Random;

/** Test helpers: hex literals as printed in RFCs, and SSH packets laid out per RFC 4253 section 6. */
final class TestBytes {
    private TestBytes() {
    }

    /** Parses hex, ignoring whitespace and colons ("00:01 02"). */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[\\s:]", ""));
    }

    static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    /**
     * A plaintext packet {@code uint32 packet_length, byte padding_length, payload, padding} padded
     * so its aligned part is a multiple of {@code p.blockSize()} with at least 4 bytes of padding,
     * followed by {@code p.macLength()} spare bytes.
     */
    static byte[] packet(PacketProtection p, byte[] payload, Random rnd) {
        int bs = p.blockSize();
        int aligned = (p.lengthExcludedFromAlignment() ? 0 : 4) + 1 + payload.length;
        int pad = bs - aligned % bs;
        if (pad < 4) {
            pad += bs;
        }
        int packetLength = 1 + payload.length + pad;
        byte[] buf = new byte[4 + packetLength + p.macLength()];
        buf[0] = (byte) (packetLength >>> 24);
        buf[1] = (byte) (packetLength >>> 16);
        buf[2] = (byte) (packetLength >>> 8);
        buf[3] = (byte) packetLength;
        buf[4] = (byte) pad;
        System.arraycopy(payload, 0, buf, 5, payload.length);
        for (int i = 5 + payload.length; i < 4 + packetLength; i++) {
            buf[i] = (byte) rnd.nextInt();
        }
        return buf;
    }

    /** The packet_length field of a plaintext packet. */
    static int lengthOf(byte[] plain) {
        return Packets.readUint32(plain, 0);
    }
}
