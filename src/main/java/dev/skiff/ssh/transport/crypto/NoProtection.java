package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.ProtocolException;

/**
 * The "none" cipher and MAC in force before the first SSH_MSG_NEWKEYS (RFC 4253 section 6):
 * packets travel as they are, aligned to 8 bytes, with no MAC. Stateless, so one instance serves.
 */
final class NoProtection implements PacketProtection {
    static final NoProtection INSTANCE = new NoProtection();

    private NoProtection() {
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public int macLength() {
        return 0;
    }

    @Override
    public boolean lengthExcludedFromAlignment() {
        return false;
    }

    @Override
    public int firstBlockLength() {
        return 8;
    }

    @Override
    public void seal(int seq, byte[] buf, int off, int len) {
        // nothing to do
    }

    @Override
    public int packetLength(int seq, byte[] buf, int off) {
        return Packets.readUint32(buf, off);
    }

    @Override
    public void open(int seq, byte[] buf, int off, int packetLength) throws ProtocolException {
        Packets.checkBounds(buf, off, packetLength, 0);
    }

    @Override
    public void destroy() {
        // no keys
    }
}
